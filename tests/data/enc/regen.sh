#!/bin/sh
# Regenerate the encoded fixtures from the UTF-8 originals (*.txt, written
# for kanbao's tests) with the iconv command line.  Run in this folder.
set -e
conv() {	# conv SRC ENCODING OUT
	iconv -f UTF-8 -t "$2" "$1" >"$3"
}
for t in zh-hans zh-hans-short; do
	conv $t.txt GB18030 $t.gb18030
	conv $t.txt GBK $t.gbk
done
for t in zh-hant zh-hant-short; do
	conv $t.txt BIG5 $t.big5
	conv $t.txt BIG5-HKSCS $t.big5hkscs
done
for t in ja ja-short; do
	conv $t.txt SHIFT_JIS $t.sjis
	conv $t.txt CP932 $t.cp932
	conv $t.txt EUC-JP $t.eucjp
	conv $t.txt ISO-2022-JP $t.iso2022jp
done
for t in ko ko-short; do
	conv $t.txt EUC-KR $t.euckr
	conv $t.txt CP949 $t.cp949
done
# Unicode forms of the simplified Chinese text, with and without a BOM.
conv zh-hans.txt UTF-16LE zh-hans.utf16le
conv zh-hans.txt UTF-16BE zh-hans.utf16be
{ printf '\377\376'; cat zh-hans.utf16le; } >zh-hans.utf16le-bom
{ printf '\376\377'; cat zh-hans.utf16be; } >zh-hans.utf16be-bom
{ printf '\377\376\000\000'; iconv -f UTF-8 -t UTF-32LE zh-hans.txt; } \
    >zh-hans.utf32le-bom
{ printf '\000\000\376\377'; iconv -f UTF-8 -t UTF-32BE zh-hans.txt; } \
    >zh-hans.utf32be-bom
{ printf '\357\273\277'; cat zh-hans.txt; } >zh-hans.utf8-bom
conv ja.txt UTF-16LE ja.utf16le
conv ko.txt UTF-16BE ko.utf16be
# Markup that declares its encoding.
{ printf '<?xml version="1.0" encoding="gb2312"?>\n<nitf><body>';
  cat zh-hans-short.txt; printf '</body></nitf>\n'; } |
    iconv -f UTF-8 -t GB18030 >decl-gb2312.xml
{ printf "<?xml version='1.0' encoding='Shift_JIS'?>\n<doc>";
  cat ja-short.txt; printf '</doc>\n'; } |
    iconv -f UTF-8 -t CP932 >decl-sjis.xml
{ printf '<!DOCTYPE html>\n<html><head><meta charset="big5">\n';
  printf '<title>t</title></head><body><p>'; cat zh-hant-short.txt;
  printf '</p></body></html>\n'; } | iconv -f UTF-8 -t BIG5 >decl-big5.html
{ printf '<html><head><meta http-equiv="Content-Type" ';
  printf 'content="text/html; charset=EUC-KR"></head><body>';
  cat ko-short.txt; printf '</body></html>\n'; } |
    iconv -f UTF-8 -t EUC-KR >decl-euckr.html
# A declaration that lies: UTF-8 bytes labelled gb2312.
{ printf '<html><head><meta charset="gb2312"></head><body>';
  cat zh-hans-short.txt; printf '</body></html>\n'; } >decl-lie-utf8.html
