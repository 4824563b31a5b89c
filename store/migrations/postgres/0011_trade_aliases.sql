-- The words the counter uses for a trade (泥工 for 泥水, 搬运 for 装卸): the trade picker finds a
-- trade by any of them, and the head edits them in Admin. An alias names one trade only.
CREATE TABLE trade_aliases (
    alias    TEXT NOT NULL PRIMARY KEY,
    trade_id BIGINT NOT NULL REFERENCES trades(id)
);
CREATE INDEX trade_aliases_trade ON trade_aliases (trade_id);

INSERT INTO trade_aliases (trade_id, alias) VALUES
 (1, '水电工'), (1, '电工'), (1, '水工'), (1, '水管工'), (1, '电路维修'),
 (2, '小工'), (2, '杂工'), (2, '普工'), (2, '苦力'),
 (3, '木匠'), (3, '木活'), (3, '装修木工'),
 (4, '锁匠'), (4, '换锁'),
 (5, '鞋匠'), (5, '补鞋'),
 (6, '疏通'), (6, '通下水道'), (6, '通马桶'), (6, '管道工'),
 (7, '泥工'), (7, '泥瓦工'), (7, '瓦工'), (7, '泥瓦匠'), (7, '贴砖'), (7, '瓷砖工'),
 (8, '搬运'), (8, '搬运工'), (8, '装卸工'), (8, '扛包'), (8, '卸货'),
 (9, '清洁'), (9, '清洁工'), (9, '打扫'), (9, '保洁员'),
 (10, '搬家工'), (10, '搬迁'),
 (11, '修家电'), (11, '空调维修'), (11, '修空调'), (11, '家电安装'),
 (12, '油漆工'), (12, '刷漆'), (12, '粉刷'), (12, '刷墙'),
 (13, '保姆'), (13, '钟点工'), (13, '家政员'), (13, '做饭'),
 (14, '陪护'), (14, '看护'), (14, '护理');
