-- The fourteen trades of domain.md and Jiulongpo district's places. Stations can add more.
INSERT INTO trades (id, code, name_zh, name_en, sort) VALUES
 (1, 'plumbing', '水电', 'Plumbing & electrical', 1),
 (2, 'labour', '力工', 'General labour', 2),
 (3, 'carpentry', '木工', 'Carpentry', 3),
 (4, 'locksmith', '开锁', 'Locksmith', 4),
 (5, 'shoe_repair', '修鞋', 'Shoe repair', 5),
 (6, 'drain', '管道疏通', 'Drain clearing', 6),
 (7, 'masonry', '泥水', 'Masonry & tiling', 7),
 (8, 'loading', '装卸', 'Loading', 8),
 (9, 'cleaning', '保洁', 'Cleaning', 9),
 (10, 'moving', '搬家', 'Moving', 10),
 (11, 'appliance', '家电维修', 'Appliance repair', 11),
 (12, 'painting', '油漆', 'Painting', 12),
 (13, 'domestic', '家政', 'Domestic help', 13),
 (14, 'care', '护工', 'Care work', 14);

INSERT INTO trade_relations (trade_id, related_id) VALUES
 (1, 6), (6, 1),
 (8, 10), (10, 8), (8, 2), (2, 8), (10, 2), (2, 10),
 (9, 13), (13, 9),
 (7, 12), (12, 7),
 (1, 11), (11, 1);

INSERT INTO places (id, parent_id, level, name) VALUES (1, NULL, 'district', '九龙坡区');

INSERT INTO places (id, parent_id, level, name) VALUES
 (10, 1, 'subdistrict', '杨家坪街道'),
 (11, 1, 'subdistrict', '谢家湾街道'),
 (12, 1, 'subdistrict', '黄桷坪街道'),
 (13, 1, 'subdistrict', '石坪桥街道'),
 (14, 1, 'subdistrict', '石桥铺街道'),
 (15, 1, 'subdistrict', '二郎街道'),
 (16, 1, 'subdistrict', '渝州路街道'),
 (17, 1, 'subdistrict', '中梁山街道'),
 (18, 1, 'subdistrict', '九龙街道'),
 (20, 1, 'town', '西彭镇'),
 (21, 1, 'town', '陶家镇'),
 (22, 1, 'town', '铜罐驿镇'),
 (23, 1, 'town', '走马镇'),
 (24, 1, 'town', '含谷镇'),
 (25, 1, 'town', '巴福镇'),
 (26, 1, 'town', '金凤镇'),
 (27, 1, 'town', '白市驿镇'),
 (28, 1, 'town', '石板镇');

INSERT INTO places (id, parent_id, level, name) VALUES
 (100, 13, 'community', '后街社区'),
 (101, 13, 'community', '冶金三村社区'),
 (102, 13, 'community', '石坪桥正街社区'),
 (103, 13, 'community', '黄杨路社区'),
 (104, 13, 'community', '团结村社区'),
 (110, 10, 'community', '西郊路社区'),
 (111, 10, 'community', '直港大道社区'),
 (112, 10, 'community', '杨家坪正街社区'),
 (113, 10, 'community', '兴胜路社区'),
 (120, 11, 'community', '谢家湾正街社区'),
 (121, 11, 'community', '华福路社区'),
 (122, 11, 'community', '鹤兴路社区'),
 (130, 12, 'community', '黄桷坪正街社区'),
 (131, 12, 'community', '新市场社区'),
 (132, 12, 'community', '铁路三村社区'),
 (140, 14, 'community', '石新路社区'),
 (141, 14, 'community', '高新社区'),
 (142, 14, 'community', '兰花路社区'),
 (150, 15, 'community', '二郎社区'),
 (151, 15, 'community', '科城路社区'),
 (160, 16, 'community', '渝州路社区'),
 (161, 16, 'community', '奥体路社区'),
 (170, 17, 'community', '中梁山社区'),
 (171, 17, 'community', '华岩新村社区'),
 (180, 18, 'community', '九龙社区'),
 (181, 18, 'community', '盘龙社区'),
 (200, 20, 'community', '西彭社区'),
 (201, 20, 'community', '元明村'),
 (210, 21, 'community', '陶家社区'),
 (211, 21, 'community', '文国村'),
 (220, 22, 'community', '铜罐驿社区'),
 (221, 22, 'community', '英雄湾村'),
 (230, 23, 'community', '走马社区'),
 (231, 23, 'community', '解放村'),
 (240, 24, 'community', '含谷社区'),
 (241, 24, 'community', '鞍子村'),
 (250, 25, 'community', '巴福社区'),
 (260, 26, 'community', '金凤社区'),
 (261, 26, 'community', '海兰村'),
 (270, 27, 'community', '白市驿社区'),
 (271, 27, 'community', '高田坎村'),
 (280, 28, 'community', '石板社区'),
 (281, 28, 'community', '东流村');

-- The rows above name their ids: move the identities past them, or the next trade or place
-- added would be given id 1 again.
SELECT setval(pg_get_serial_sequence('trades', 'id'), (SELECT max(id) FROM trades));
SELECT setval(pg_get_serial_sequence('places', 'id'), (SELECT max(id) FROM places));
