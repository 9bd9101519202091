/*
 * seg_tune.h - the thresholds of the segmenter (seg.c, seg_match.c,
 * seg_score.c), in one table.
 *
 * The table is static const in this header, not one extern object, so
 * the compiler folds every threshold into the code that tests it, as it
 * did when the segmenter was one file.
 *
 * Not in the table: the lengths that are the grammar of a form rather
 * than a judgement (a date's 1-2 digits or 1-3 numerals, a year's 4, the
 * number in （一）, a bracketed line's brackets), array sizes, and the
 * formulas of the scores.
 */
#ifndef KANBAO_SEG_TUNE_H
#define KANBAO_SEG_TUNE_H

/*
 * The heuristic constants of the segmenter, in one place.  Widths are in
 * quarter cells (CELL = one CJK character).  The values were set from the
 * typeset pages the loader is meant for: a paragraph indent of 2 cells,
 * justified full lines that wander by about a cell either way because
 * punctuation is sometimes compressed to half a cell.
 */
#define CELL	4

static const struct {
	int	samples;	/* width samples taken on each side of a line */
	int	min_samples;	/* fewer on one side: that side untrusted */
	int	full_tol;	/* a line this close to its column is full */
	int	short_end;	/* this much short of its column, a line that
				   ends a sentence ends its paragraph */
	int	indent;		/* first-line indent of a paragraph */
	int	indent_min;	/* a following line this much short of its
				   column (and not itself ending) is a new
				   paragraph's first line */
	int	display_short;	/* a line at a block start this much shorter
				   than a first line is a headline/subhead */
	int	title_stub;	/* a title's line this narrow (closing marks
				   and all) is the line above it wrapped */
	int	isolated_short;	/* same, for a line dropped between blank
				   lines in the middle of a paragraph */
	int	first_gap;	/* a line this much (beyond the indent)
				   shorter than the full line under it is
				   not a first line but a title */
	int	first_over;	/* ... nor one this much wider */
	int	wide_title;	/* a line without punctuation this much
				   wider than its column is a headline
				   across columns */
	int	sub_gap;	/* a line this much shorter than the indented
				   first line under it is a subhead */
	int	header_lines;	/* page headers are looked for among the
				   first and the last this many lines */
	int	window;		/* headline candidates: articles each side */
	int	lead_chars;	/* Han characters of the body that are lead */
	int	profile_chars;	/* Han characters an article profile reads */
	int	segment_chars;	/* ... a text segment compared for cohesion */
	double	cohesion_ratio;	/* a headline inside an article starts a new
				   one (without dateline) when the text after
				   it shares less with the text before it than
				   ratio * what it shares with other articles */
	double	cohesion_min;	/* ... or less than this at all */
	int	layout_jump;	/* the column width changes this much across
				   the headline ... */
	double	cohesion_layout; /* ... and they share less than this */
	double	title_after;	/* ... or this share of the headline's
				   tokens is found in the text after it */
	double	title_before;	/* ... at most this share before it */
	double	cohesion_title;	/* ... and they share less than this */
	double	w_base;		/* weight of a bigram found in an article */
	double	w_tf;		/* added per further occurrence */
	double	w_lead;		/* added when it occurs in the lead */
	double	min_content;	/* content score that counts as a match */
	double	pos_next;	/* bonus: the article right after the unit */
	double	pos_prev;	/* bonus: the article right before it */
	double	pos_far;	/* penalty per article further away */
	double	steal_ratio;	/* a subhead leaves its article when another */
	double	steal_margin;	/* scores ratio * own + margin or more */
	int	byline_max;	/* characters a dateline's byline may hold */
	int	byline_line;	/* ... a byline line (□ 本报记者 张三) */
	int	caption_lines;	/* lines a photo caption may run to */
	int	verse_lines;	/* lines a verse set without a label has */
	int	verse_tail;	/* characters of the stub a verse line too
				   long for its column leaves on the next
				   (text without hints) */
	int	vertical_min;	/* lines of one Han character each that are
				   a vertical headline read downwards */
	int	authored_min;	/* characters an article opened by its author's
				   line holds before a lone line may start
				   another article */
	int	names_max;	/* authors' names on a line of their own */
	int	name_cells;	/* an author's name alone is this wide at
				   most (本报特约评论员) */
	int	credit_names;	/* code points of names and role before the
				   摄 of a photographer's credit */
	int	name_max;	/* characters of a page name standing alone
				   by the masthead (经开区新闻) */
	double	kicker_ratio;	/* a first headline line shorter than this
				   share of the second is a kicker */
	int	couplet_tol;	/* two headline lines at most this many
				   characters apart are a couplet */
	int	head_part;	/* characters each side of a space that
				   splits a display line into two headline
				   lines printed side by side */
	double	w_max;		/* the weight of one token is capped here */
	int	word_min;	/* letters or digits of a Latin word token */
	int	byline_lines;	/* lines read after a dateline for its
				   bracketed byline (a line break may cut
				   通讯 / 员) */
	int	header_max;	/* characters of a page header
				   (第05版：经开区新闻) */
	int	date_max;	/* ... and of the date that may stand before
				   it (2024年12月24日 星期二) */
	int	editor_max;	/* characters of an editors' credit line */
	int	pageno_max;	/* digits of a bare page number line */
	int	page_digits;	/* digits of the page number in a header, a
				   masthead or a continuation marker */
	int	masthead_latin;	/* capitals that make a masthead line that
				   has no date, number or paper name */
	int	furn_min;	/* characters of a masthead word or page
				   name (ZHENGZHOU, 要闻) */
	int	paper_min;	/* characters of a paper's name in the */
	int	paper_max;	/* masthead, 报 included (郑州日报) */
	int	lunar_min;	/* characters of a lunar date, 农历 */
	int	lunar_max;	/* included (农历十一月廿一) */
	int	marker_min;	/* code points of the shortest continuation
				   marker: （转3版） */
	int	marker_max;	/* a marker closing a line is looked for in
				   its last this many code points */
	int	place_min;	/* Han characters of a dateline's place */
	int	place_max;	/* (%P: 北京, 郑州, 新华社北京) */
	int	person_min;	/* characters of one name in a byline */
	int	person_max;	/* (王静, 欧阳明远) */
	int	names_run;	/* characters of names run together without
				   spaces (王译博李娜) */
	int	names_line;	/* characters of the names on a line of its
				   own after 本报记者 */
	int	role_prefix;	/* characters before a role keyword that are
				   part of the role (郑报全媒体记者) */
	int	role_reach;	/* a bracketed byline (%R) names its role
				   within this many characters */
	/*
	 * Letter spacing (记 者 侯 爱 敏) is undone when at least so many
	 * space-separated tokens are there and spaced_share percent of them
	 * are single characters.  A line of text needs 4 tokens; the inside
	 * of a byline's brackets 3.  Two entries, not one: either minimum
	 * for both changes what some input gives (本报讯（记 者 王）: the
	 * byline 记者 王 with 3, 记 者 王 with 4), though no file under
	 * tests/data reads differently.
	 */
	int	spaced_tokens;
	int	spaced_byline;
	int	spaced_share;
	/*
	 * A line of text letter-spaced with spread_share percent of its
	 * tokens single characters was spread by justification: a full
	 * line (but for a first line's indent), whatever its characters'
	 * widths add up to.
	 */
	int	spread_share;
} tune = {
	.samples = 4,
	.min_samples = 2,
	.full_tol = 1 * CELL,
	.short_end = 3 * CELL / 2,
	.indent = 2 * CELL,
	.indent_min = 5 * CELL / 4,
	.display_short = 2 * CELL,
	.title_stub = 2 * CELL,
	.isolated_short = 4 * CELL,
	.first_gap = 3 * CELL / 2,
	.first_over = 2 * CELL,
	.wide_title = 4 * CELL,
	.sub_gap = CELL,
	.header_lines = 5,
	.window = 4,
	.lead_chars = 120,
	.profile_chars = 300,
	.segment_chars = 300,
	.cohesion_ratio = 0.5,
	.cohesion_min = 0.02,
	.layout_jump = 4 * CELL,
	.cohesion_layout = 0.05,
	.title_after = 0.4,
	.title_before = 0.2,
	.cohesion_title = 0.06,
	.w_base = 0.5,
	.w_tf = 0.15,
	.w_lead = 0.5,
	.min_content = 0.12,
	.pos_next = 0.15,
	.pos_prev = 0.10,
	.pos_far = 0.05,
	.steal_ratio = 2.0,
	.steal_margin = 0.10,
	.byline_max = 48,
	.byline_line = 24,
	.caption_lines = 4,
	.verse_lines = 12,
	.verse_tail = 3,
	.vertical_min = 4,
	.authored_min = 300,
	.names_max = 3,
	.name_cells = 7,
	.credit_names = 12,
	.name_max = 8,
	.kicker_ratio = 0.75,
	.couplet_tol = 1,
	.head_part = 3,
	.w_max = 1.0,
	.word_min = 2,
	.byline_lines = 4,
	.header_max = 24,
	.date_max = 16,
	.editor_max = 48,
	.pageno_max = 4,
	.page_digits = 3,
	.masthead_latin = 5,
	.furn_min = 2,
	.paper_min = 3,
	.paper_max = 8,
	.lunar_min = 3,
	.lunar_max = 10,
	.marker_min = 5,
	.marker_max = 16,
	.place_min = 2,
	.place_max = 6,
	.person_min = 2,
	.person_max = 4,
	.names_run = 12,
	.names_line = 16,
	.role_prefix = 6,
	.role_reach = 10,
	.spaced_tokens = 4,
	.spaced_byline = 3,
	.spaced_share = 80,
	.spread_share = 50,
};

#endif
