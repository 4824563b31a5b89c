package report

import "strings"

// SafeCSV keeps a spreadsheet from reading text as a formula (OWASP's CSV-injection rule):
// a cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe,
// which Excel and WPS show as text and do not print.
func SafeCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// safeRow neutralises every cell of a row of text.
func safeRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = SafeCSV(c)
	}
	return out
}
