/*
 * encoding.c - detect the encoding of a byte buffer and convert it to UTF-8.
 *
 * kanbao reads newspaper editions that come as UTF-8, UTF-16 or one of the
 * legacy CJK encodings, often without any label.  This file decides which
 * encoding a buffer is in (encoding_detect) and converts it to valid UTF-8
 * (encoding_decode), replacing every invalid or truncated sequence with
 * U+FFFD and counting it, so the caller can warn once and never loses text
 * silently.  It is the only file that includes <iconv.h>, and iconv is
 * always used in strict mode: glibc's //IGNORE reports errors after the
 * fact and //TRANSLIT depends on the locale, so we handle EILSEQ, EINVAL
 * and E2BIG ourselves.  UTF-8 input never goes through iconv: it is
 * validated with a word-at-a-time ASCII fast path and copied.
 *
 * Detection, in order: a BOM; an encoding the document declares (XML
 * declaration, HTML meta) when the bytes agree with it; strictly valid
 * UTF-8; UTF-16/32 without a BOM from the pattern of NUL bytes; then a
 * scored choice among the legacy encodings (see detect_score()).  It looks
 * at a bounded sample (the head plus a few pieces further on), never at a
 * whole 100 MB file.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <uchardet.h>

#include "buf.h"
#include "encoding.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/*
 * The detector's tuning, in one place.  Scores are summed per non-ASCII
 * character of the sample decoded in a candidate encoding and divided by
 * the number of such characters, so long and short texts compare on one
 * scale: correct decodes of news prose score about +2 to +2.8, wrong ones
 * about -1 to +1.  The values were chosen by measuring with the fixtures in
 * tests/data/enc (test_encoding prints the accuracy table).
 */
static const struct {
	size_t	head;		/* sample: the first bytes of the buffer ... */
	size_t	piece;		/* ... plus pieces of this size ... */
	size_t	npieces;	/* ... at this many evenly spaced offsets */
	size_t	decl_xml;	/* an XML declaration must end this early */
	size_t	decl_html;	/* HTML puts <meta charset> in the first 4 KB */
	size_t	chunk;		/* bytes handed to iconv per call */
	double	hit;		/* char is in the language's frequent table */
	double	cjk;		/* other Han, kana, Hangul, CJK punctuation */
	double	halfkana;	/* half-width katakana: rare in news, but what
				   EUC-JP looks like when read as CP932 */
	double	pua;		/* private use: custom characters happen in
				   Big5, but mostly it means a wrong guess */
	double	latin_word;	/* WINDOWS-1252 letter beside an ASCII one */
	double	other;		/* anything else */
	double	invalid;	/* each invalid or truncated sequence */
	double	hint;		/* bonus for a declared encoding that did not
				   decode cleanly (a hint, not an order) */
	double	vote;		/* bonus for uchardet's answer: weak, because
				   it is unreliable below 20 bytes (see
				   detect_choose) */
	double	binary;		/* bad characters (invalid, C1, C0 controls)
				   per character above which, under every
				   candidate, the data is not text */
	size_t	binary_min;	/* and at least this many of them */
} tuning = {
	.head = 64 * 1024,
	.piece = 8 * 1024,
	.npieces = 4,
	.decl_xml = 256,
	.decl_html = 4096,
	.chunk = 16 * 1024,
	.hit = 3.0,
	.cjk = 0.0,
	.halfkana = -2.0,
	.pua = -5.0,
	.latin_word = 2.0,
	.other = -1.0,
	.invalid = -20.0,
	.hint = 0.5,
	.vote = 1.0,
	.binary = 0.10,
	.binary_min = 4,
};

/* The languages of the frequency tables. */
enum lang {
	LANG_NONE,		/* Unicode forms: no scoring */
	LANG_ANY,		/* UTF-8 with errors: any table counts */
	LANG_ZH_HANS,
	LANG_ZH_HANT,
	LANG_JA,
	LANG_KO,
	LANG_LATIN		/* WINDOWS-1252 */
};

/* How an encoding is decoded. */
enum kind {
	KIND_UTF8,		/* our own validator, never iconv */
	KIND_UTF16,		/* iconv, 2-byte units */
	KIND_UTF32,		/* iconv, 4-byte units */
	KIND_MULTI,		/* iconv, legacy multi-byte */
	KIND_STATEFUL,		/* iconv, escape sequences (ISO-2022-JP) */
	KIND_SINGLE		/* iconv, one byte per character */
};

/* An encoding kanbao accepts. */
struct charset {
	const char	*name;		/* iconv name, also what we report */
	enum kind	 kind;
	enum lang	 lang;
	unsigned char	 lead[2][2];	/* lead byte ranges (KIND_MULTI) */
	bool		 scored;	/* a candidate of the scored choice */
	bool		 legacy;	/* not Unicode: C1 means an error */
};

/*
 * The encodings, scored candidates first in the order that breaks ties
 * (the most common newspaper encodings first).  Legacy encodings are
 * decoded with their supersets: text the subset accepts decodes the same.
 * "UTF-16" and "UTF-32" are for user names without a byte order; they are
 * resolved from the BOM or the NUL pattern before decoding.
 */
static const struct charset charsets[] = {
	{ "GB18030", KIND_MULTI, LANG_ZH_HANS, { { 0x81, 0xFE }, { 0, 0 } },
	  true, true },
	{ "BIG5-HKSCS", KIND_MULTI, LANG_ZH_HANT, { { 0x81, 0xFE }, { 0, 0 } },
	  true, true },
	{ "CP932", KIND_MULTI, LANG_JA, { { 0x81, 0x9F }, { 0xE0, 0xFC } },
	  true, true },
	{ "EUC-JP", KIND_MULTI, LANG_JA, { { 0x8E, 0x8F }, { 0xA1, 0xFE } },
	  true, true },
	{ "UHC", KIND_MULTI, LANG_KO, { { 0x81, 0xFE }, { 0, 0 } },
	  true, true },
	{ "UTF-8", KIND_UTF8, LANG_ANY, { { 0, 0 }, { 0, 0 } }, true, false },
	{ "WINDOWS-1252", KIND_SINGLE, LANG_LATIN, { { 0, 0 }, { 0, 0 } },
	  true, true },
	{ "ISO-2022-JP", KIND_STATEFUL, LANG_JA, { { 0, 0 }, { 0, 0 } },
	  false, true },
	{ "UTF-16LE", KIND_UTF16, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
	{ "UTF-16BE", KIND_UTF16, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
	{ "UTF-32LE", KIND_UTF32, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
	{ "UTF-32BE", KIND_UTF32, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
	{ "UTF-16", KIND_UTF16, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
	{ "UTF-32", KIND_UTF32, LANG_NONE, { { 0, 0 }, { 0, 0 } }, false,
	  false },
};
#define NCHARSETS (sizeof charsets / sizeof charsets[0])

/*
 * The names users and documents give, each mapped to a charset above.
 * Matching ignores case, '-', '_', '.', ':' and spaces, so "Shift_JIS",
 * "shift-jis" and "SHIFTJIS" are one name.  ISO-8859-1 is read as
 * WINDOWS-1252, as browsers do: documents labelled Latin-1 use the
 * Windows punctuation in 0x80-0x9F far more often than C1 controls.
 */
static const struct {
	const char	*alias;		/* folded: lower case, no separators */
	const char	*name;
} aliases[] = {
	{ "utf8", "UTF-8" }, { "ascii", "UTF-8" }, { "usascii", "UTF-8" },
	{ "utf16", "UTF-16" }, { "utf16le", "UTF-16LE" },
	{ "utf16be", "UTF-16BE" }, { "ucs2", "UTF-16" },
	{ "utf32", "UTF-32" }, { "utf32le", "UTF-32LE" },
	{ "utf32be", "UTF-32BE" }, { "ucs4", "UTF-32" },
	{ "gb18030", "GB18030" }, { "gb2312", "GB18030" }, { "gbk", "GB18030" },
	{ "cp936", "GB18030" }, { "ms936", "GB18030" },
	{ "windows936", "GB18030" }, { "euccn", "GB18030" },
	{ "xgbk", "GB18030" }, { "csgb2312", "GB18030" },
	{ "big5", "BIG5-HKSCS" }, { "big5hkscs", "BIG5-HKSCS" },
	{ "cp950", "BIG5-HKSCS" }, { "xxbig5", "BIG5-HKSCS" },
	{ "csbig5", "BIG5-HKSCS" },
	{ "shiftjis", "CP932" }, { "sjis", "CP932" }, { "cp932", "CP932" },
	{ "ms932", "CP932" }, { "windows31j", "CP932" }, { "xsjis", "CP932" },
	{ "mskanji", "CP932" }, { "csshiftjis", "CP932" },
	{ "eucjp", "EUC-JP" }, { "xeucjp", "EUC-JP" }, { "ujis", "EUC-JP" },
	{ "iso2022jp", "ISO-2022-JP" }, { "jis", "ISO-2022-JP" },
	{ "csiso2022jp", "ISO-2022-JP" },
	{ "euckr", "UHC" }, { "cp949", "UHC" }, { "uhc", "UHC" },
	{ "ksc5601", "UHC" }, { "ksc56011987", "UHC" },
	{ "windows949", "UHC" }, { "cseuckr", "UHC" },
	{ "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
	{ "iso88591", "WINDOWS-1252" }, { "windows1252", "WINDOWS-1252" },
	{ "cp1252", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
};

/*
 * Frequent characters per language, written for kanbao from general
 * knowledge of modern newspaper text: the few hundred most common Han
 * characters of each script, kana for Japanese, common syllables for
 * Korean, and the punctuation each language uses.  Every entry is a BMP
 * character, so in UTF-8 each is exactly 3 bytes; the strings are sorted,
 * which makes them searchable by bisection without building anything at
 * run time (test_encoding checks both properties).
 */
/* Chinese, simplified (GB18030). */
static const char freq_zh_hans[] =
	"—“”…、。《》一丁七万三上下不与专且世业东丝两"
	"严个中临为主丽举乃久么义之乎乐九也习乡书买乱了予"
	"争事二于云互五亚些亡交亦产京亮亲人亿什仅今介仍从"
	"他付代令以们件价任份企伊休众优伙会伟传伤伦伯伸似"
	"但位低住体何余佛作你使例供依侧侵便促俄保信修倒候"
	"借值假做停健像儿元兄充先光克免党入全八公六兰共关"
	"兴兵其具典养内再写军农冰冲决况冷准减几凡出击刀分"
	"切刑划列刘则刚创初判利别到制刺刻前剑剧副力办功加"
	"务动助努劳势勒包化北区医十千升午半华协单卖南博占"
	"卡卫印危即却卷厂历压原去县参又及友双反发取受变口"
	"古句另只叫可台史右叶号司吃各合吉同名后向君否含听"
	"吴吸告员周味呼命和品响哥哲唐售唯商善喜喝嘴器四回"
	"因团园困围固国图圆土圣在地场均坏坐块坚坦型埃城域"
	"培基堂塔塞境增士声处备复夏外多夜够大天太夫央失头"
	"奇套奥女她好如妇妻姆始姐姑姓委威娘婚子字存孙学孩"
	"宁它宇守安宋完宗官定宝实审客宣室宫害家容宽密富察"
	"对寻导封射将尊小少尔尚尤就尼尽局层居屋展属山岁岛"
	"岸川州工左巨差己已巴市布师希帝带席帮常干平年并幸"
	"广庄床序库应底店府度座庭康延建开异弃弄式引弟张弱"
	"弹强归当录形影往征待很律徒得微德心必忍志忘忙快念"
	"忽怀态怎怒怕思急性怪总恐恩息恶悲情惊想意感愿慢戏"
	"成我或战户房所手才打托执扩扬批找承技把抓投抗折护"
	"报抱抵担拉拍招拥择括拿持指按挥振损换据授掉掌排探"
	"接控推措提握搞摆摇摩撤支收改攻放政故效敌救教敢散"
	"数整文斗料断斯新方施旁旅族无既日旧早时明易星春是"
	"显晚普景智暗暴曲更曾替最月有朋服望朝期木未末本术"
	"朱机杀杂权李材村束条来杨杰松板极构析林果枪架某染"
	"查标树校样核根格案桌梅梦检森植楚楼概模横次欢欧欲"
	"款歌止正此步武死残段毁母每毒比毕毛毫民气水永求汉"
	"江沉沙没河油治法波注泽洋洛洞洲活派流测济海消深混"
	"清渐温港游湖湾源满演潜激火灭灯灵炮炸点烈烟热然照"
	"熟爱父爷爸片版牙牛物特犯状狂独猛率玉王玩环现班球"
	"理甚生用田由甲申电男画界留略疑疗病痛登白百的皇皮"
	"益监盖盘盛盟目直相省看真眼着睡督知短石研破础确示"
	"礼社祖神票禁福离秀私秋种科秘积称移程税稳究空穿突"
	"窗立站竞竟章端笑笔第等筑答策简算管篇米类精系素索"
	"紧红约级纪纯纳纸线练组细织终经结给络绝统继续维绿"
	"缓编缺网罗罚罪置美群翻老考者而耳职联肉股肯育背胜"
	"胡能脑脚脱脸臣自至致舞航般舰船良色艺节花苏若苦英"
	"范草荣药莫获营萨落著蒙藏虎虑虚虽血行街衣补表被装"
	"西要见观规视觉角解言警计认讨让训议记讲许论设访证"
	"评识诉词试诗诚话该语误说请诸诺读谁调谈谋谓谢谷象"
	"贝负财责败货质购贵贸费资赖赛走赵赶起超越趣足跑跟"
	"路跳身车转轮软轻载较输边达迅过迎运近还这进远连迫"
	"述迷迹追退送适逃选透逐途通速造遇遍道遗遥遭避那郎"
	"郑部都配酒醒采释里重野量金针钟钱铁铜银销锋错镇长"
	"门闪问间闻队防阳阴阵阶阿附际陆陈降限院除险随隐难"
	"雄雅集雨雪雷需震露青静非靠面革音页顶项顺须顾顿预"
	"领题额风飞食馆首香马验骨高鬼鱼鲁鲜麻黄黑默鼓齐龙"
	"！（），：；？";

/* Chinese, traditional (BIG5-HKSCS). */
static const char freq_zh_hant[] =
	"—…、。《》「」『』一丁七三上下不且世並中主乃久"
	"之乎九也亂了予事二互五些亞亡交亦京亮人什今介仍他"
	"付代令以件任份企伊休伙伯伸似但位低住何佛作你使來"
	"例供依侵便係促俄保信修個們倒候借倫值假偉做停健側"
	"傑備傳傷僅像價億優元兄充先光克免兒入全兩八公六共"
	"兵其具典内再冰冷凡出刀分切刑列初判別利到制刺刻則"
	"前剛副創劃劇劉劍力功加助努勒動務勝勞勢包化北區十"
	"千升午半協南博占卡印危即却卷原去參又及友反取受口"
	"古句另只叫可台史右司吃各合吉同名向君否含吳吸告周"
	"味呼命和品員哥哲唐售唯商問善喜喝單嘴器嚴四回因困"
	"固國圍園圓圖團土在地均坐坦型埃城域執培基堂堅報場"
	"塊塔塞境增壓壞士夏外多夜夠夢大天太夫央失奇套奧女"
	"她好如妻姆始姐姑姓委威娘婚婦子字存孩孫學它宇守安"
	"宋完宗官定客宣室宮害家容密富察實寧審寫寬寶封射將"
	"專尊尋對導小少尚尤就尼局居屋展層屬山岸島川州工左"
	"巨差己已巴市布希帝師席帶常幫干平年幸幾床序底店府"
	"度座庫庭康廠廣延建弄式引弟弱張强彈形影往待很律後"
	"徒得從復微徵德心必忍志忘忙快念忽怎怒怕思急性怪恐"
	"恩息悲情惡想意愛感態慢慮應懷成我或戰戲戶房所手才"
	"打托批找承技把抓投抗折抱抵拉拍招括拿持指按振授掉"
	"掌排採探接控推措提揚換握揮損搖搞摩撤擁擇擊擔據擴"
	"擺支收改攻放政故效救敗教敢散整敵數文料斯新斷方於"
	"施旁旅族既日早明易星春是時晚普景智暗暴曲更書曾替"
	"最會月有朋服望朝期木未末本朱李材村束東松板析林果"
	"架某染查校核根格案桌梅條棄森植楊楚業極概榮構槍樂"
	"樓標模樣樹機橫檢權次欲款歌歐歡止正此步武歲歷歸死"
	"殘段殺毀母每毒比毛毫民氣水永求江決沉沒沙河油治況"
	"法波注洋洛洞洲活派流海消深混清減測港游湖源準溫滅"
	"滿演漢漸潛澤激濟灣火炮炸為烈無然煙照熟熱燈營爭父"
	"爸爺爾片版牙牛物特犯狀狂猛獨獲率玉王玩班現球理環"
	"甚生產用田由甲申男界留畢略畫異當疑病痛療登發白百"
	"的皇皮益盛盟盡監盤目直相省看真眼眾着睡督知短石研"
	"破確礎示社祖神票禁福禮秀私秋科秘移稅程種稱積穩究"
	"空穿突窗立站竟章端競笑第筆等答策算管節範篇築簡米"
	"精紀約紅納純紙級素索細終組結絕絡給統絲經綠維網緊"
	"線編緩練縣總織繼續缺罪置罰羅美群義習翻老考者而耳"
	"聖聞聯聲職聽肉股肯育背胡能脫腦腳臉臣臨自至致臺與"
	"興舉舊舞航般船艦良色花若苦英草莊莫華萬落葉著蒙蓋"
	"薩藏藝藥蘇蘭虎處虛號血行術街衛衝衣表被裏補裝裡西"
	"要見規視親覺觀角解言計討訓記訪設許訴評詞試詩話該"
	"認語誠誤說誰調談請論諸諾謀謂講謝證識警議護讀變讓"
	"谷象貝負財貨責貴買費貿資賣質賴購賽走起超越趕趙趣"
	"足跑跟跡路跳身車軍軟較載輕輪輸轉辦農迅迎近迫述迷"
	"追退送逃透逐途這通速造連進遇運遍過道達遙遠適遭選"
	"遺避還邊那郎部都鄉鄭配酒醒醫釋重野量金針銀銅銷鋒"
	"錄錢錯鎮鐘鐵長門閃開間關防阿附降限院陣除陰陳陸陽"
	"隊階際隨險隱雄雅集雖雙雜離難雨雪雲雷電需震露靈青"
	"靜非靠面革音響頁頂項順須預頓領頭題額願類顧顯風飛"
	"食養餘館首香馬驗驚骨體高鬥鬼魚魯鮮麗麻麼黃黑默點"
	"黨鼓齊龍！（），：；？";

/* Japanese (CP932, EUC-JP): kana and common kanji. */
static const char freq_ja[] =
	"、。「」『』〜ぁあぃいぅうぇえぉおかがきぎくぐけ"
	"げこごさざしじすずせぜそぞただちぢっつづてでとど"
	"なにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめ"
	"もゃやゅゆょよらりるれろゎわゐゑをんゔゕゖァアィ"
	"イゥウェエォオカガキギクグケゲコゴサザシジスズセ"
	"ゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビ"
	"ピフブプヘベペホボポマミムメモャヤュユョヨラリル"
	"レロヮワヰヱヲンヴヵヶ・ー一七万三上下不与世中主"
	"九予事二五亡交京人今仕代以件企会住体作使供価係信"
	"候値傷働億優元党入全八六内円出分初判別制前力加労"
	"動勝化北区医十千午協反可台合同向品員問営四回国地"
	"域報場増売外多夜大女始子学宅安官定実害家容察対小"
	"少市年府度建強当律後従心必応思性患情意感成所手技"
	"投持挙捕援支改政故救教数文新方施族日明映昨時景最"
	"月朝期末本村東果染査校株案業楽権止正歴死毎民気決"
	"況法活海消済減港火災物特状球理生用男町画界疑病療"
	"発百的監目相県督知研確示社票税究空立策算米経結続"
	"線考者聞能臣自芸落融行術表被補要見規解言計記試話"
	"認語説読調論警議財費賃賛足路車通連逮週道選避部都"
	"配重野金銀録長開間関防院際雇難雨電震韓音題風首駅"
	"高鮮！（）？";

/* Korean (UHC): common Hangul syllables. */
static const char freq_ko[] =
	"「」가각간갈감갑강같개객거건걸검겁것게겠겨격견결"
	"경계고곡곤골공과관광괴교구국군굴궁권귀규균그극근"
	"글금급기긴길김까깨꺼께꼬꾸꾼끄끌끝나낙난날남납낭"
	"낮내낸냈냉너널넓넘넣네녀년념녕노녹논놀농높놓뇌누"
	"눈뉴느는늘능늦니다닥단닫달담답당대댁더덕던덜덧데"
	"도독돌동됐되된될두둔둘뒤드득든들등디따딸땅때떠떤"
	"떨또똑뚜뜻라락란람랐랑래랜량러럼럽렇레려력련렬렴"
	"렵렸령례로록론료루룹류륙률르른를름릉리린림립마막"
	"만많말맞맡매맥머먹먼멀멈메며면명몇모목몰몸못무묵"
	"문묻물뭐뮤므미민밀바박밖반받발밝방배백버번벌범법"
	"벤벽변별병보복본볼봉부북분불붙브비빈빌빛빠빨뿐사"
	"산살삼샀상새색생서석선설섬섰성세센셈셋소속손송쇄"
	"수숙순술숨쉬쉽스슬습승시식신실심십싶싸쌓써썼쓰쓴"
	"씨씩아악안앉않알암압앙앞애액야약양얘어억언얻얼엄"
	"업없엇에엔여역연열염엽였영옆예오옥온올옮옷와완왕"
	"왜외요욕용우운울움웃원월웠웨위유육윤율융으은을음"
	"응의이익인일읽잃임입잇있잉잊자작잔잘잠잡장재쟁저"
	"적전절젊점접정제져조족존졸좁종좋좌죄주죽준줄중줬"
	"즈즉즐즘증지직진질짐집짓징짜짧째쪽찍차착찬찰참창"
	"찾채책챙처척천철첨첫청체초촉총최추축춘출충취측층"
	"치칙친칠침칭카커컴컸케켜코쿠크큰클큼키타탁탄탈탐"
	"탑태택터털테텐템토통퇴투트특틀티팀파판팔패퍼페펴"
	"편평폐포폭폰표품풍퓨프피필하학한할함합항해핵했행"
	"향허헌험헤현혈협혔형혜호혹혼홍화확환활황회획효후"
	"훈훨휘휴흐흑흔흘흥희흰히힘";

/* U+FFFD in UTF-8: what every invalid sequence becomes. */
static const char replacement[] = "\xEF\xBF\xBD";

/* How many pieces the detection sample has besides the head. */
enum { SAMPLE_PIECES = 4 };

/* Where the invalid sequences of one conversion are. */
struct tally {
	size_t	ninvalid;	/* invalid or truncated input sequences */
	size_t	nc1;		/* legacy bytes that decode to C1 controls,
				   and NUL characters */
	size_t	first;		/* input offset of the first of either */
};

/* One part of the detection sample. */
struct piece {
	const char	*p;
	size_t		 len;
	size_t		 off;		/* offset of p in the caller's buffer */
	bool		 at_end;	/* ends where the buffer ends */
};

/* The bounded sample the detector reads. */
struct sample {
	struct piece	piece[1 + SAMPLE_PIECES];
	size_t		npiece;
	size_t		nonascii;	/* bytes >= 0x80 */
	size_t		controls;	/* C0 controls other than white space
					   and ESC, and DEL */
	bool		nul;		/* a NUL byte somewhere */
};

/* One iconv conversion to UTF-8 in progress. */
struct conv {
	const struct charset	*cs;
	iconv_t			 cd;
	char			*tmp;		/* iconv's output, unfiltered */
	size_t			 tmpsize;
	bool			 locate;	/* find exact offsets of C1 */
	struct buf		*out;
	struct tally		*t;
};

/* A candidate's result in the scored choice. */
struct score {
	double	value;		/* mean score per non-ASCII character */
	bool	disqualified;	/* decoded a C1 control */
	size_t	bad;		/* invalid, C1 and control characters */
	size_t	total;		/* characters */
};

/* Flags for detect(): the test uses them to measure each half alone. */
#define DETECT_NO_VOTE	0x1	/* do not ask uchardet */

/* The detector's answer. */
struct detection {
	const struct charset	*cs;	/* NULL: not text */
	size_t			 bom;	/* bytes of byte order mark */
};

/* Fold a name for matching: lower case, separators dropped. */
static bool
fold_name(const char *name, char *out, size_t size)
{
	size_t n = 0;
	unsigned char c;

	for (; *name != '\0'; name++) {
		c = (unsigned char)*name;
		if (c == '-' || c == '_' || c == '.' || c == ':' || c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		if (n + 1 >= size)
			return false;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return true;
}

/* The charset with this iconv name, or NULL. */
static const struct charset *
charset_byname(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < NCHARSETS; i++) {
		if (strcmp(charsets[i].name, name) == 0)
			return &charsets[i];
	}
	return NULL;
}

/* Map a user-given name to the name kanbao decodes with. */
const char *
encoding_normalize(const char *name)
{
	char folded[32];
	size_t i;

	if (name == NULL || !fold_name(name, folded, sizeof folded))
		return NULL;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcmp(aliases[i].alias, folded) == 0)
			return aliases[i].name;
	}
	return NULL;
}

/* The accepted names, for messages. */
const char *
encoding_names(void)
{
	return "utf-8, utf-16, utf-16le, utf-16be, utf-32, utf-32le, "
	    "utf-32be, gb18030 (gb2312, gbk, cp936), big5-hkscs (big5, "
	    "cp950), shift_jis (sjis, cp932), euc-jp, iso-2022-jp, "
	    "euc-kr (uhc, cp949), windows-1252 (latin1, iso-8859-1)";
}

/* The frequency table of a language and its number of characters. */
static const char *
freq_table(enum lang lang, size_t *n)
{
	switch (lang) {
	case LANG_ZH_HANS:
		*n = (sizeof freq_zh_hans - 1) / 3;
		return freq_zh_hans;
	case LANG_ZH_HANT:
		*n = (sizeof freq_zh_hant - 1) / 3;
		return freq_zh_hant;
	case LANG_JA:
		*n = (sizeof freq_ja - 1) / 3;
		return freq_ja;
	case LANG_KO:
		*n = (sizeof freq_ko - 1) / 3;
		return freq_ko;
	default:
		*n = 0;
		return NULL;
	}
}

/*
 * Is cp in the language's table?  The table is sorted 3-byte UTF-8, and
 * UTF-8 byte order is code point order, so bisect with memcmp.
 */
static bool
freq_has(enum lang lang, uint32_t cp)
{
	const char *table;
	char key[4];
	size_t n, lo, hi, mid;
	int cmp;

	if (lang == LANG_ANY) {
		return freq_has(LANG_ZH_HANS, cp) ||
		    freq_has(LANG_ZH_HANT, cp) || freq_has(LANG_JA, cp) ||
		    freq_has(LANG_KO, cp);
	}
	if (cp < 0x800 || cp > 0xFFFF)
		return false;
	if ((table = freq_table(lang, &n)) == NULL)
		return false;
	utf8_encode(cp, key);
	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = memcmp(table + 3 * mid, key, 3);
		if (cmp == 0)
			return true;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Record one bad sequence at input offset off. */
static void
tally_bad(struct tally *t, size_t off, bool c1)
{
	if (t->ninvalid + t->nc1 == 0)
		t->first = off;
	if (c1)
		t->nc1++;
	else
		t->ninvalid++;
}

/*
 * Length of the maximal subpart of an invalid UTF-8 sequence at u: the
 * lead byte and the continuation bytes that could still have completed it
 * (Unicode's recommended practice), so a character cut short becomes one
 * U+FFFD, not one per byte.
 */
static size_t
utf8_subpart(const unsigned char *u, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;

	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		need = 1;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 2;
		if (u[0] == 0xE0)
			lo = 0xA0;	/* below is overlong */
		if (u[0] == 0xED)
			hi = 0x9F;	/* above is a surrogate */
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 3;
		if (u[0] == 0xF0)
			lo = 0x90;	/* below is overlong */
		if (u[0] == 0xF4)
			hi = 0x8F;	/* above is past U+10FFFF */
	} else
		return 1;
	for (i = 1; i <= need && i < n; i++) {
		if (u[i] < lo || u[i] > hi)
			break;
		lo = 0x80;
		hi = 0xBF;
	}
	return i;
}

/*
 * Validate UTF-8 in[0..len) (base is its offset in the caller's buffer)
 * and tally invalid sequences; when out is not NULL, append the text with
 * each replaced by U+FFFD.  A sequence cut by the end counts only when
 * at_end (a sample piece may end inside a character).
 */
static void
utf8_scan(const char *in, size_t len, size_t base, bool at_end,
    struct buf *out, struct tally *t)
{
	const unsigned char *u = (const unsigned char *)in;
	size_t i = 0, run = 0, n;
	uint64_t w;
	uint32_t cp;

	while (i < len) {
		if (u[i] < 0x80) {
			/*
			 * News text is mostly ASCII markup and digits or
			 * mostly CJK; test 8 bytes at a time for the first.
			 */
			while (i + 8 <= len) {
				memcpy(&w, u + i, 8);
				if ((w & 0x8080808080808080ULL) != 0)
					break;
				i += 8;
			}
			while (i < len && u[i] < 0x80)
				i++;
			continue;
		}
		/*
		 * Inline the two shapes that make up CJK and accented text,
		 * where no overlong form or surrogate is possible: E1-EC/
		 * EE-EF with two continuation bytes (CJK, tested first and
		 * in a tight loop: whole lines are made of it), C2-DF with
		 * one.  The rest goes to the strict decoder.
		 */
		while (i + 2 < len && u[i] >= 0xE1 && u[i] <= 0xEF &&
		    u[i] != 0xED && ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) <
		    0x40)
			i += 3;
		if (i >= len || u[i] < 0x80)
			continue;
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len &&
		    (u[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED &&
		    i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
		    (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		n = utf8_decode(in + i, len - i, &cp);
		if (n != 1 || cp != TEXT_REPLACEMENT) {
			i += n;
			continue;
		}
		n = utf8_subpart(u + i, len - i);
		if (!at_end && i + n == len)
			break;
		if (out != NULL) {
			buf_append(out, in + run, i - run);
			buf_append(out, replacement, 3);
		}
		tally_bad(t, base + i, false);
		i += n;
		run = i;
	}
	if (out != NULL)
		buf_append(out, in + run, i - run);
}

/* Open a conversion from cs to UTF-8, appending to out.  -1 if iconv cannot. */
static int
conv_open(struct conv *c, const struct charset *cs, struct buf *out,
    struct tally *t, bool locate)
{
	c->cd = iconv_open("UTF-8", cs->name);
	if (c->cd == (iconv_t)-1)
		return -1;
	c->cs = cs;
	/* At most 4 bytes of UTF-8 per input byte (UTF-32 is 4 for 4). */
	c->tmpsize = 4 * tuning.chunk + 16;
	c->tmp = xmalloc(c->tmpsize);
	c->locate = locate;
	c->out = out;
	c->t = t;
	return 0;
}

/* Close a conversion. */
static void
conv_close(struct conv *c)
{
	iconv_close(c->cd);
	free(c->tmp);
	c->tmp = NULL;
}

/*
 * Find the offset in in[0..len) of the first character that converts to a
 * C1 control or NUL, by converting one character at a time.  Slow, so it
 * runs at most once per decode, for the message's "first at byte N".
 */
static size_t
conv_locate(const struct charset *cs, const char *in, size_t len)
{
	iconv_t cd;
	char obuf[16], *ip, *op;
	size_t off = 0, step, il, ol, got;
	const unsigned char *o;

	if ((cd = iconv_open("UTF-8", cs->name)) == (iconv_t)-1)
		return 0;
	while (off < len) {
		for (step = 1; step <= 4 && off + step <= len; step++) {
			ip = (char *)(uintptr_t)(in + off);
			il = step;
			op = obuf;
			ol = sizeof obuf;
			if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
				break;
			if (errno != EINVAL)
				break;
		}
		got = (size_t)(op - obuf);
		o = (const unsigned char *)obuf;
		if ((got >= 1 && o[0] == 0) ||
		    (got >= 2 && o[0] == 0xC2 && o[1] >= 0x80 && o[1] <= 0x9F))
			break;
		off += step > 4 || off + step > len ? 1 : step;
	}
	iconv_close(cd);
	return off < len ? off : 0;
}

/*
 * Move iconv's output to the result, replacing NUL characters and, for
 * legacy encodings, C1 controls with U+FFFD.  glibc passes EUC-KR, EUC-JP
 * and Big5 bytes 0x80-0x9F through as C1 although those encodings assign
 * nothing there; a stray 0x9B would reach the terminal as CSI.  in and
 * consumed are the input this output came from, base its offset.
 */
static void
conv_flush(struct conv *c, const char *in, size_t consumed, size_t base,
    size_t produced)
{
	const unsigned char *u = (const unsigned char *)c->tmp;
	size_t i, run = 0, w;
	bool first;

	for (i = 0; i < produced; i++) {
		if (u[i] == 0)
			w = 1;
		else if (c->cs->legacy && u[i] == 0xC2 && i + 1 < produced &&
		    u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			w = 2;
		else
			continue;
		buf_append(c->out, c->tmp + run, i - run);
		buf_append(c->out, replacement, 3);
		first = c->t->ninvalid + c->t->nc1 == 0;
		tally_bad(c->t, base, true);
		if (first && c->locate)
			c->t->first = base + conv_locate(c->cs, in, consumed);
		i += w - 1;
		run = i + 1;
	}
	buf_append(c->out, c->tmp + run, produced - run);
}

/* Is b a lead byte of the multi-byte encoding cs? */
static bool
conv_is_lead(const struct charset *cs, unsigned char b)
{
	return (b >= cs->lead[0][0] && b <= cs->lead[0][1]) ||
	    (b >= cs->lead[1][0] && b <= cs->lead[1][1] && cs->lead[1][1] != 0);
}

/*
 * How many bytes to skip at an invalid sequence p[0..left).  UTF-16 and
 * UTF-32 skip one unit.  Multi-byte encodings follow the WHATWG decoders:
 * a valid lead byte takes its trail byte with it unless the trail byte is
 * ASCII, which then decodes as itself (so "\x81<" loses only the 0x81).
 */
static size_t
conv_skip(const struct charset *cs, const char *p, size_t left)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = 1;

	switch (cs->kind) {
	case KIND_UTF16:
		n = 2;
		break;
	case KIND_UTF32:
		n = 4;
		break;
	case KIND_MULTI:
		if (left >= 2 && conv_is_lead(cs, u[0]) && u[1] >= 0x80)
			n = 2;
		break;
	default:
		break;
	}
	return n < left ? n : left;
}

/*
 * Convert in[0..len) (base is its offset in the caller's buffer), chunk by
 * chunk, appending UTF-8 and tallying errors.  EILSEQ: U+FFFD, skip,
 * continue.  EINVAL: a character cut by the chunk continues in the next
 * one; cut by the end of the input it is one U+FFFD when at_end, and
 * ignored when a sample piece merely ends there.  E2BIG: the output so far
 * is flushed and the call repeated.
 */
static void
conv_run(struct conv *c, const char *in, size_t len, size_t base,
    bool at_end)
{
	const char *p = in, *end = in + len;
	char *ip, *op;
	size_t n, il, ol, r, consumed;
	int err;

	while (p < end) {
		n = (size_t)(end - p) < tuning.chunk ? (size_t)(end - p) :
		    tuning.chunk;
		ip = (char *)(uintptr_t)p;
		il = n;
		op = c->tmp;
		ol = c->tmpsize;
		r = iconv(c->cd, &ip, &il, &op, &ol);
		err = errno;
		consumed = n - il;
		conv_flush(c, p, consumed, base + (size_t)(p - in),
		    (size_t)(op - c->tmp));
		p += consumed;
		if (r != (size_t)-1 || err == E2BIG)
			continue;
		if (err == EINVAL && p + il < end && consumed > 0)
			continue;	/* the next chunk completes it */
		if (err == EINVAL && p + il == end) {
			if (at_end) {
				buf_append(c->out, replacement, 3);
				tally_bad(c->t, base + (size_t)(p - in), false);
			}
			p = end;
			break;
		}
		/* EILSEQ, or anything unexpected: never loop in place. */
		buf_append(c->out, replacement, 3);
		tally_bad(c->t, base + (size_t)(p - in), false);
		p += conv_skip(c->cs, p, (size_t)(end - p));
	}
	if (at_end) {
		/* A stateful encoding may owe a shift to the initial state. */
		op = c->tmp;
		ol = c->tmpsize;
		if (iconv(c->cd, NULL, NULL, &op, &ol) != (size_t)-1) {
			conv_flush(c, end, 0, base + len,
			    (size_t)(op - c->tmp));
		}
	}
}

/* Detect a byte order mark; *bom is its length. */
static const struct charset *
bom_detect(const char *buf, size_t len, size_t *bom)
{
	const unsigned char *u = (const unsigned char *)buf;

	/* UTF-32LE first: its BOM starts with UTF-16LE's. */
	if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 &&
	    u[3] == 0) {
		*bom = 4;
		return charset_byname("UTF-32LE");
	}
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE &&
	    u[3] == 0xFF) {
		*bom = 4;
		return charset_byname("UTF-32BE");
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*bom = 3;
		return charset_byname("UTF-8");
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*bom = 2;
		return charset_byname("UTF-16LE");
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*bom = 2;
		return charset_byname("UTF-16BE");
	}
	*bom = 0;
	return NULL;
}

/*
 * Guess UTF-16 or UTF-32 without a BOM.  In UTF-32 the top byte of every
 * unit is zero and the next one nearly always.  UTF-16 has no such
 * pattern to count on: NULs are the high byte of ASCII characters, but CJK
 * characters U+xx00 put one on the other side (4E 00 is 一 in UTF-16BE
 * and "N" in UTF-16LE).  So read the units both ways and keep the order
 * that gives plausible text: ASCII, common CJK characters, kana, Hangul;
 * not NULs, controls or private use.  Returns NULL when neither does.
 */
static const struct charset *
nul_pattern(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t z[4] = { 0, 0, 0, 0 }, i, units, good[2], bad[2], e;
	uint32_t cp;

	len &= ~(size_t)3;
	for (i = 0; i < len; i++) {
		if (u[i] == 0)
			z[i & 3]++;
	}
	units = len / 4;
	if (units == 0)
		return NULL;
	if (z[3] == units && z[2] * 10 >= units * 9)
		return charset_byname("UTF-32LE");
	if (z[0] == units && z[1] * 10 >= units * 9)
		return charset_byname("UTF-32BE");
	units = len / 2;
	for (e = 0; e < 2; e++) {
		good[e] = bad[e] = 0;
		for (i = 0; i < len; i += 2) {
			cp = e == 0 ? (uint32_t)(u[i] | u[i + 1] << 8) :
			    (uint32_t)(u[i] << 8 | u[i + 1]);
			if ((cp >= 0x20 && cp < 0x7F) || cp == '\t' ||
			    cp == '\n' || cp == '\r')
				good[e]++;
			else if (cp < 0xA0 || (cp >= 0xE000 && cp <= 0xF8FF))
				bad[e]++;
			else if (freq_has(LANG_ANY, cp) || text_is_kana(cp) ||
			    text_is_hangul(cp) || text_is_cjk_punct(cp))
				good[e]++;
		}
	}
	e = good[1] > good[0] ? 1 : 0;
	if (good[e] * 2 < units || bad[e] * 20 > units)
		return NULL;
	return charset_byname(e == 0 ? "UTF-16LE" : "UTF-16BE");
}

/* Count what the detector needs to know about the bytes of one piece. */
static void
sample_count(struct sample *s, const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < len; i++) {
		if (u[i] >= 0x80)
			s->nonascii++;
		else if (u[i] == 0)
			s->nul = true;
		else if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\v' && u[i] != '\f' && u[i] != '\r' &&
		    u[i] != 0x1B) || u[i] == 0x7F)
			s->controls++;
	}
}

/*
 * Build the sample: the head of the data, and for a long buffer a few
 * pieces spread over the rest, so a file whose first 64 KB are ASCII
 * markup is still judged by its text.  A piece starts after a byte below
 * 0x30 and ends at one: no legacy encoding uses those as trail bytes, so
 * the piece starts and ends on character boundaries.
 */
static void
sample_build(struct sample *s, const char *buf, size_t len, size_t bom)
{
	const char *data = buf + bom;
	size_t dlen = len - bom, head, rest, k, start, end;
	struct piece *pc;

	memset(s, 0, sizeof *s);
	head = dlen;
	if (dlen > tuning.head + SAMPLE_PIECES * tuning.piece)
		head = tuning.head;
	s->piece[0].p = data;
	s->piece[0].len = head;
	s->piece[0].off = bom;
	s->piece[0].at_end = head == dlen;
	s->npiece = 1;
	sample_count(s, data, head);
	if (head == dlen)
		return;
	rest = dlen - head;
	for (k = 0; k < SAMPLE_PIECES; k++) {
		start = head + rest / SAMPLE_PIECES * k;
		end = start + tuning.piece;
		if (end > dlen)
			end = dlen;
		while (start < end && (unsigned char)data[start] >= 0x30)
			start++;
		start++;
		if (end != dlen) {
			while (end > start &&
			    (unsigned char)data[end - 1] >= 0x30)
				end--;
		}
		if (start >= end)
			continue;
		pc = &s->piece[s->npiece++];
		pc->p = data + start;
		pc->len = end - start;
		pc->off = bom + start;
		pc->at_end = end == dlen;
		sample_count(s, pc->p, pc->len);
	}
}

/* Case-insensitive search for the ASCII word w in p[0..len); -1 if absent. */
static long
find_word(const char *p, size_t len, const char *w)
{
	size_t n = strlen(w), i, j;
	char c;

	for (i = 0; i + n <= len; i++) {
		for (j = 0; j < n; j++) {
			c = p[i + j];
			if (c >= 'A' && c <= 'Z')
				c = c - 'A' + 'a';
			if (c != w[j])
				break;
		}
		if (j == n)
			return (long)i;
	}
	return -1;
}

/*
 * Read an encoding name after "key" at p[0..len): optional spaces, '=',
 * optional spaces and quotes, then name characters.  false if there is
 * none.
 */
static bool
decl_value(const char *p, size_t len, char *name, size_t size)
{
	size_t i = 0, n = 0;
	char c;

	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r'))
		i++;
	if (i >= len || p[i] != '=')
		return false;
	i++;
	while (i < len && (p[i] == ' ' || p[i] == '"' || p[i] == '\'' ||
	    p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	for (; i < len; i++) {
		c = p[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == ':'))
			break;
		if (n + 1 >= size)
			return false;
		name[n++] = c;
	}
	name[n] = '\0';
	return n > 0;
}

/*
 * Find the encoding a document declares: encoding="..." in an XML
 * declaration at the very start, or charset=... in an HTML <meta> tag
 * (both <meta charset> and the http-equiv content type) in the first 4 KB.
 */
static bool
decl_find(const char *buf, size_t len, char *name, size_t size)
{
	size_t n, off = 0, tag;
	long at, close, cs;

	n = len < tuning.decl_xml ? len : tuning.decl_xml;
	if (n >= 5 && memcmp(buf, "<?xml", 5) == 0) {
		close = find_word(buf, n, "?>");
		if (close > 0 && (at = find_word(buf, (size_t)close,
		    "encoding")) >= 0) {
			return decl_value(buf + at + 8,
			    (size_t)(close - at - 8), name, size);
		}
	}
	n = len < tuning.decl_html ? len : tuning.decl_html;
	while (off < n && (at = find_word(buf + off, n - off, "<meta")) >= 0) {
		tag = off + (size_t)at + 5;
		close = find_word(buf + tag, n - tag, ">");
		if (close < 0)
			break;
		cs = find_word(buf + tag, (size_t)close, "charset");
		if (cs >= 0 && decl_value(buf + tag + cs + 7,
		    (size_t)(close - cs - 7), name, size))
			return true;
		off = tag + (size_t)close;
	}
	return false;
}

/* Does 7-bit text use ISO-2022-JP's escapes to JIS X 0208? */
static bool
is_iso2022jp(const struct sample *s)
{
	const struct piece *pc = &s->piece[0];

	return find_word(pc->p, pc->len, "\x1b$b") >= 0 ||
	    find_word(pc->p, pc->len, "\x1b$@") >= 0;
}

/* Decode the sample in cs; false if iconv cannot open it. */
static bool
sample_decode(const struct charset *cs, const struct sample *s,
    struct buf *out, struct tally *t)
{
	struct conv c;
	size_t i;

	if (cs->kind == KIND_UTF8) {
		for (i = 0; i < s->npiece; i++) {
			utf8_scan(s->piece[i].p, s->piece[i].len,
			    s->piece[i].off, s->piece[i].at_end, out, t);
		}
		return true;
	}
	if (conv_open(&c, cs, out, t, false) != 0)
		return false;
	for (i = 0; i < s->npiece; i++) {
		iconv(c.cd, NULL, NULL, NULL, NULL);
		conv_run(&c, s->piece[i].p, s->piece[i].len, s->piece[i].off,
		    s->piece[i].at_end);
	}
	conv_close(&c);
	return true;
}

/* Does the sample decode in cs without a single error? */
static bool
sample_clean(const struct charset *cs, const struct sample *s)
{
	struct buf b = BUF_INIT;
	struct tally t = { 0, 0, 0 };
	bool ok;

	ok = sample_decode(cs, s, &b, &t) && t.ninvalid + t.nc1 == 0;
	buf_free(&b);
	return ok;
}

/* A Latin letter of WINDOWS-1252 (accented letters, Œ, Š, Ž, Ÿ, ƒ). */
static bool
is_latin_letter(uint32_t cp)
{
	return (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) ||
	    cp == 0x152 || cp == 0x153 || cp == 0x160 || cp == 0x161 ||
	    cp == 0x17D || cp == 0x17E || cp == 0x178 || cp == 0x192;
}

/* An ASCII letter. */
static bool
is_ascii_alpha(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/*
 * The score of one decoded non-ASCII character cp, with its neighbours,
 * for a candidate of language lang.
 */
static double
char_score(enum lang lang, uint32_t prev, uint32_t cp, uint32_t next)
{
	if (lang == LANG_LATIN) {
		/*
		 * Accented letters sit inside words; CJK read as Latin-1
		 * is long runs of accented letters with no ASCII around.
		 */
		if (is_latin_letter(cp) &&
		    (is_ascii_alpha(prev) || is_ascii_alpha(next)))
			return tuning.latin_word;
		if ((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2013 &&
		    cp <= 0x2026) || cp == 0x20AC)
			return tuning.cjk;
		return tuning.other;
	}
	if (freq_has(lang, cp))
		return tuning.hit;
	if (cp >= 0xFF61 && cp <= 0xFF9F)
		return tuning.halfkana;
	if (cp >= 0xE000 && cp <= 0xF8FF)
		return tuning.pua;
	if (text_is_han(cp) || text_is_kana(cp) || text_is_hangul(cp) ||
	    text_is_cjk_punct(cp))
		return tuning.cjk;
	/* Valid UTF-8 sequences almost never happen by chance. */
	if (lang == LANG_ANY)
		return tuning.cjk;
	return tuning.other;
}

/*
 * Score the sample decoded in candidate cs (the algorithm):
 *
 *   1. Decode strictly.  Each invalid or truncated sequence costs
 *      tuning.invalid; a legacy byte that decodes to a C1 control
 *      disqualifies the candidate outright (EUC-KR 0x9B is CSI).
 *   2. Each non-ASCII character scores by its language's frequency table
 *      (char_score): a right guess decodes to common characters, a wrong
 *      one to rare characters, half-width kana, symbols or errors.
 *   3. The sum is divided by the number of non-ASCII characters.
 *
 * It also counts bad characters (errors and control characters) for the
 * binary test.
 */
static void
detect_score(const struct charset *cs, const struct sample *s,
    struct score *sc)
{
	struct buf b = BUF_INIT;
	struct tally t = { 0, 0, 0 };
	const char *p, *end;
	uint32_t prev = 0, cp, next;
	size_t n, nonascii = 0;
	double sum = 0;

	memset(sc, 0, sizeof *sc);
	if (!sample_decode(cs, s, &b, &t)) {
		sc->disqualified = true;
		sc->value = -1e9;
		return;
	}
	p = buf_str(&b);
	end = p + b.len;
	n = utf8_decode(p, (size_t)(end - p), &cp);
	while (p < end) {
		p += n;
		next = 0;
		if (p < end)
			n = utf8_decode(p, (size_t)(end - p), &next);
		sc->total++;
		if (cp < 0x80) {
			if ((cp < 0x20 && cp != '\t' && cp != '\n' &&
			    cp != '\v' && cp != '\f' && cp != '\r' &&
			    cp != 0x1B) || cp == 0x7F)
				sc->bad++;
		} else if (cp != TEXT_REPLACEMENT) {
			nonascii++;
			sum += char_score(cs->lang, prev, cp, next);
		}
		prev = cp;
		cp = next;
	}
	buf_free(&b);
	sum += tuning.invalid * (double)t.ninvalid;
	sc->value = sum / (double)(nonascii + t.ninvalid > 0 ?
	    nonascii + t.ninvalid : 1);
	sc->disqualified = t.nc1 > 0;
	sc->bad += t.ninvalid + t.nc1;
}

/* Ask uchardet; its answer if it is one of our scored candidates. */
static const struct charset *
detect_uchardet(const struct sample *s)
{
	const struct charset *cs = NULL;
	uchardet_t ud;
	size_t i;

	if ((ud = uchardet_new()) == NULL)
		return NULL;
	for (i = 0; i < s->npiece; i++) {
		if (uchardet_handle_data(ud, s->piece[i].p,
		    s->piece[i].len) != 0)
			break;
	}
	uchardet_data_end(ud);
	/* It can name encodings glibc lacks (HZ-GB-2312): those map to NULL. */
	cs = charset_byname(encoding_normalize(uchardet_get_charset(ud)));
	uchardet_delete(ud);
	return cs != NULL && cs->scored ? cs : NULL;
}

/*
 * The scored choice among the candidates, combining the table scorer with
 * uchardet.  Chosen by measuring (300 windows per cell, cut on character
 * boundaries from about 1 MB per encoding of text unlike the fixtures,
 * program message translations, not committed): the scorer alone is right
 * on 93-100 % of 10-byte windows and 98-100 % of 20-byte ones, uchardet
 * alone on 5-61 % and 79-98 % (it answers WINDOWS-1252 or nothing for most
 * short GB and Big5 text); from 160 bytes both are right on 97-100 %.  So
 * the scorer decides and uchardet's answer adds tuning.vote = 1.0, at every
 * length: that settles near-ties (20-byte EUC-JP 97.7 -> 99.7 %, UHC 98.3
 * -> 99.7 %) and costs at most 0.4 points at 10 bytes, while a vote of 3.0
 * lets uchardet's short-text errors through (10-byte Big5 99.7 -> 79.7 %).
 * On long text the vote is the safety net where the tables know the
 * vocabulary badly.  A declared encoding that did not decode cleanly adds
 * tuning.hint.
 */
static const struct charset *
detect_choose(const struct sample *s, const struct charset *hint, int flags,
    bool *binary)
{
	const struct charset *best = NULL, *vote = NULL;
	struct score sc, bestsc;
	double minbad = 2.0, ratio;
	size_t i, minbadn = 0;

	if (!(flags & DETECT_NO_VOTE))
		vote = detect_uchardet(s);
	memset(&bestsc, 0, sizeof bestsc);
	for (i = 0; i < NCHARSETS; i++) {
		if (!charsets[i].scored)
			continue;
		detect_score(&charsets[i], s, &sc);
		if (&charsets[i] == hint)
			sc.value += tuning.hint;
		if (&charsets[i] == vote)
			sc.value += tuning.vote;
		ratio = sc.total > 0 ? (double)sc.bad / (double)sc.total : 1.0;
		if (ratio < minbad) {
			minbad = ratio;
			minbadn = sc.bad;
		}
		if (best == NULL ||
		    (bestsc.disqualified && !sc.disqualified) ||
		    (bestsc.disqualified == sc.disqualified &&
		    sc.value > bestsc.value)) {
			best = &charsets[i];
			bestsc = sc;
		}
	}
	*binary = minbad > tuning.binary && minbadn >= tuning.binary_min;
	return best;
}

/* Are the sample's control characters too many for text? */
static bool
controls_binary(const struct sample *s)
{
	size_t total = 0, i;

	for (i = 0; i < s->npiece; i++)
		total += s->piece[i].len;
	return s->controls >= tuning.binary_min &&
	    (double)s->controls > tuning.binary * (double)total;
}

/* The whole detector: fills d (d->cs NULL when the data is not text). */
static void
detect(const char *buf, size_t len, int flags, struct detection *d)
{
	const struct charset *cs, *hint = NULL;
	struct sample s;
	struct tally t = { 0, 0, 0 };
	char name[64];
	bool binary;

	if ((d->cs = bom_detect(buf, len, &d->bom)) != NULL)
		return;
	sample_build(&s, buf, len, 0);
	if (s.nul) {
		/* NULs: UTF-16/32 if they form the pattern, else binary. */
		cs = nul_pattern(s.piece[0].p, s.piece[0].len);
		if (cs != NULL && sample_clean(cs, &s))
			d->cs = cs;
		return;
	}
	if (controls_binary(&s))
		return;
	sample_decode(charset_byname("UTF-8"), &s, NULL, &t);
	/*
	 * Valid UTF-8 with non-ASCII bytes wins even over a declaration:
	 * legacy CJK text is practically never valid UTF-8, while pages
	 * saved as UTF-8 that keep their old <meta charset=gb2312> are
	 * common (and libxml2 would garble them).
	 */
	if (t.ninvalid == 0 && s.nonascii > 0) {
		d->cs = charset_byname("UTF-8");
		return;
	}
	if (decl_find(s.piece[0].p, s.piece[0].len, name, sizeof name) &&
	    (cs = charset_byname(encoding_normalize(name))) != NULL &&
	    cs->kind != KIND_UTF16 && cs->kind != KIND_UTF32) {
		/*
		 * A document read 8 bits at a time is not UTF-16 whatever
		 * it says; anything else is used if the bytes agree.
		 */
		if (sample_clean(cs, &s)) {
			d->cs = cs;
			return;
		}
		hint = cs;
	}
	if (s.nonascii == 0) {
		d->cs = charset_byname(is_iso2022jp(&s) ? "ISO-2022-JP" :
		    "UTF-8");
		return;
	}
	cs = detect_choose(&s, hint, flags, &binary);
	d->cs = binary ? NULL : cs;
}

/* Guess the encoding of a buffer. */
const char *
encoding_detect(const char *buf, size_t len)
{
	struct detection d;

	detect(buf, len, 0, &d);
	return d.cs != NULL ? d.cs->name : ENCODING_BINARY;
}

/* The cause for an unknown encoding name, unprintable bytes replaced. */
static char *
cause_unknown(const char *name)
{
	char clean[64], *cause;
	size_t i;

	for (i = 0; name[i] != '\0' && i + 1 < sizeof clean; i++) {
		clean[i] = (unsigned char)name[i] < 0x20 ||
		    (unsigned char)name[i] >= 0x7F ? '?' : name[i];
	}
	clean[i] = '\0';
	cause = xasprintf(_("unknown encoding \"%s\" (accepted: %s)"), clean,
	    encoding_names());
	return cause;
}

/* Resolve "UTF-16"/"UTF-32" to a byte order: BOM, NUL pattern, else LE. */
static const struct charset *
resolve_order(const struct charset *cs, const char *buf, size_t len)
{
	const struct charset *guess;
	size_t bom;

	if (strcmp(cs->name, "UTF-16") != 0 && strcmp(cs->name, "UTF-32") != 0)
		return cs;
	guess = bom_detect(buf, len, &bom);
	if (guess == NULL || guess->kind != cs->kind)
		guess = nul_pattern(buf, len < tuning.head ? len : tuning.head);
	if (guess != NULL && guess->kind == cs->kind)
		return guess;
	/* No evidence: little-endian, as Windows writes and glibc reads. */
	return charset_byname(cs->kind == KIND_UTF16 ? "UTF-16LE" : "UTF-32LE");
}

/*
 * Decode a buffer to UTF-8.  When owned is not NULL it is buf itself, a
 * malloc'd block of len + 1 bytes the caller gives away if it can be used
 * as the result (valid UTF-8): then out->text == owned.
 */
static int
decode(const char *buf, size_t len, const char *force, char *owned,
    struct decoded *out, char **cause)
{
	const struct charset *cs, *bomcs;
	struct detection d;
	struct tally t = { 0, 0, 0 };
	struct buf b = BUF_INIT;
	struct conv c;
	size_t bom;

	memset(out, 0, sizeof *out);
	if (force != NULL) {
		if ((cs = charset_byname(encoding_normalize(force))) == NULL) {
			*cause = cause_unknown(force);
			return -1;
		}
		cs = resolve_order(cs, buf, len);
		/* A BOM of the forced encoding is stripped; another stays. */
		bomcs = bom_detect(buf, len, &bom);
		if (bomcs != cs)
			bom = 0;
	} else {
		detect(buf, len, 0, &d);
		if (d.cs == NULL) {
			*cause = xstrdup(_("binary file (not text)"));
			return -1;
		}
		cs = d.cs;
		bom = d.bom;
	}
	if (cs->kind != KIND_UTF16 && cs->kind != KIND_UTF32 &&
	    memchr(buf + bom, '\0', len - bom) != NULL) {
		*cause = xstrdup(_("binary file (not text)"));
		return -1;
	}
	out->encoding = cs->name;
	out->had_bom = bom > 0;
	if (cs->kind == KIND_UTF8) {
		utf8_scan(buf + bom, len - bom, bom, true, NULL, &t);
		if (t.ninvalid == 0 && owned != NULL) {
			/*
			 * The common case for a file: valid UTF-8 is its own
			 * result.  Reusing the read buffer saves a copy of the
			 * whole file and as much peak memory.
			 */
			if (bom > 0)
				memmove(owned, owned + bom, len - bom);
			owned[len - bom] = '\0';
			out->text = owned;
			out->len = len - bom;
			return 0;
		}
		if (t.ninvalid == 0) {
			/* The same for a borrowed buffer: one copy. */
			out->text = xmalloc(len - bom + 1);
			memcpy(out->text, buf + bom, len - bom);
			out->text[len - bom] = '\0';
			out->len = len - bom;
			return 0;
		}
		memset(&t, 0, sizeof t);
		utf8_scan(buf + bom, len - bom, bom, true, &b, &t);
	} else {
		if (conv_open(&c, cs, &b, &t, true) != 0) {
			*cause = xasprintf(_("cannot decode %s: %s"), cs->name,
			    strerror(errno));
			return -1;
		}
		conv_run(&c, buf + bom, len - bom, bom, true);
		conv_close(&c);
	}
	out->len = b.len;
	out->text = buf_detach(&b);
	out->ninvalid = t.ninvalid + t.nc1;
	out->first_invalid = t.first;
	return 0;
}

/* Decode a buffer the caller keeps. */
int
encoding_decode(const char *buf, size_t len, const char *force,
    struct decoded *out, char **cause)
{
	return decode(buf, len, force, NULL, out, cause);
}

/* Decode a buffer the caller may give away. */
int
encoding_decode_take(char **bufp, size_t len, const char *force,
    struct decoded *out, char **cause)
{
	int rc = decode(*bufp, len, force, *bufp, out, cause);

	if (rc == 0 && out->text == *bufp)
		*bufp = NULL;
	return rc;
}

/* Free a decoded result. */
void
encoding_decoded_free(struct decoded *d)
{
	free(d->text);
	d->text = NULL;
	d->len = 0;
}
