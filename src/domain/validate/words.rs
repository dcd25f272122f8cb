//! The words of loading and validating a questionnaire, a catalogue or an answer file: the one
//! table of this layer (#10). A message is made from an entry with `LocalText::fill`.

crate::bilingual! {
    /// After a problem's message, what to do about it.
    HINT = "\n  提示：{}", "\n  hint: {}";
    /// After format problems that had to take part of the file out of the reading.
    CHECKS_WAIT = "{}：其余的检查要等以上问题改正之后才会进行", "{}: the remaining checks run once these problems are fixed";
    TOO_LARGE = "{}：文件有 {} 字节，超过了允许的 {} 字节\n  提示：请确认是不是选错了文件",
        "{}: the file is {} bytes, more than the {} bytes accepted\n  hint: check that this is the right file";

    // Reading JSON (instrument/parse.rs): serde's message is put in an author's words there.
    /// Before serde's message in Chinese; in English the message stands alone.
    JSON_WRONG = "JSON 有误：{}", "{}";
    DID_YOU_MEAN = "是不是想写 `{}`？", "did you mean `{}`?";
    /// One sentence after another: Chinese puts nothing between them, English a space.
    TWO_SENTENCES = "{}{}", "{} {}";
    HINT_DUPLICATE_KEY = "保留其中一个，删掉另一个：程序不会猜哪一个算数",
        "keep one of the two and delete the other: which one stands is not guessed";
    HINT_MISSING_COMMA = "这里之前的那个值后面可能少了一个逗号",
        "a comma is probably missing after the value before this point";
    HINT_TRAILING_COMMA = "删掉这个逗号：JSON 不允许在最后一项后面加逗号",
        "remove this comma: JSON allows none after the last item";
    HINT_BARE_WORD = "这里不是 JSON：文字要放在双引号里，只有 true、false 和 null 可以不加引号",
        "this is not JSON here: text must be in double quotes, and only true, false and null are bare words";
    HINT_NOT_JSON = "这里的 JSON 有误：检查是否少了逗号、引号或括号",
        "this is not valid JSON here: look for a missing comma, quote or bracket";
    HINT_FORMAT = "这个值不符合格式：参见 docs/questionnaire-format.md 或 `smecheck questionnaire --schema`",
        "the value does not fit the format: see docs/questionnaire-format.md or `smecheck questionnaire --schema`";

    // Answer files (instrument/mod.rs).
    ANSWERS_OF_ANOTHER = "这份答卷属于问卷 `{}`，不是 `{}`",
        "this answer file belongs to questionnaire `{}`, not `{}`";
    PASS_MATCHING_QUESTIONNAIRE = "用 --questionnaire 路径 指定对应的问卷",
        "pass the matching questionnaire with --questionnaire PATH";
    FIX_OR_REMOVE_ANSWER = "改正或删掉这个答案；`smecheck questionnaire --codebook` 列出了每道题的选项",
        "fix or remove this answer; `smecheck questionnaire --codebook` lists every question's options";

    // Answers that do not fit their question (answers.rs).
    NOT_OFFERED = "第 `{}` 题没有“{}”这个选项", "question `{}` does not offer \"{}\"";
    DONT_KNOW_ANSWER = "不清楚", "don't know";
    NOT_APPLICABLE_ANSWER = "不适用", "not applicable";
    NOT_AN_OPTION = "`{}` 不是第 `{}` 题的选项（可选：{}）", "`{}` is not an option of question `{}` (options: {})";
    TAKES_OPTION_LIST = "第 `{}` 题要的是选项编号的列表，这里却是 {}",
        "question `{}` takes a list of option ids; found {}";
    UNUSABLE_NUMBER = "第 `{}` 题：{} 不是可用的数字", "question `{}`: {} is not a usable number";
    CANNOT_TAKE = "第 `{}` 题（{}）不能填{}，应当填{}", "question `{}` ({}) cannot take {}; expected {}";
    NOT_A_ROW = "`{}` 不是第 `{}` 题的一行（行：{}）", "`{}` is not a row of question `{}` (rows: {})";
    ROW_TAKES_COLUMN_LIST = "第 `{}` 题第 `{}` 行要的是列编号的列表，这里却是 {}",
        "question `{}`, row `{}` takes a list of column ids; found {}";
    ROW_CANNOT_TAKE = "第 `{}` 题第 `{}` 行不能填{}，应当填{}", "question `{}`, row `{}` cannot take {}; expected {}";
    EXCLUSIVE_WITH_OTHERS = "第 `{}` 题的“{}”不能和其他选项一起勾选",
        "question `{}`: \"{}\" cannot be ticked together with other options";
    NOT_A_NUMBER = "“{}”不是一个数字；小数用点，例如 1.5，不要用千位分隔符",
        "\"{}\" is not a number; write decimals with a point, e.g. 1.5, and no thousands separators";
    NUMBER_NOT_FINITE = "第 `{}` 题：数字必须是有限的", "question `{}`: the number must be finite";
    BELOW_MINIMUM = "第 `{}` 题：{} 小于最小值 {}", "question `{}`: {} is below the minimum {}";
    ABOVE_MAXIMUM = "第 `{}` 题：{} 大于最大值 {}", "question `{}`: {} is above the maximum {}";
    NO_SUCH_QUESTION_IN = "问卷 {} {} 版中没有这道题", "questionnaire {} {} has no such question";
    NOT_A_PROFILE_OPTION = "`{}` 不是企业信息 `{}` 的选项（可选：{}）",
        "`{}` is not an option of the profile field `{}` (options: {})";

    // Answers of another version (answers/migrate.rs): {0} the file's version, {1} this one,
    // {2} the earlier question, {3} this question, {4} the value or row, {5} the earlier answer.
    NO_OPTION_TO_CARRY = "{0} 版的“{4}”在 {1} 版的第 `{3}` 题里没有对应的选项，请重新回答这道题",
        "\"{4}\" from version {0} has no counterpart in question `{3}` of version {1}; please answer that question again";
    NO_ROW_TO_CARRY = "{0} 版第 `{2}` 题的“{4}”在 {1} 版的第 `{3}` 题里没有对应的一行，请重新回答那一行",
        "\"{4}\" of question `{2}` in version {0} has no row in question `{3}` of version {1} to go to; please answer that row again";
    WHOLE_NOT_ROW = "{0} 版第 `{2}` 题答的是 `{5}`；在 {1} 版它只能回答整道第 `{3}` 题，不能只答“{4}”这一行，请重新回答那一行",
        "question `{2}` of version {0} was answered `{5}`, which in version {1} answers the whole of question `{3}`, not its row \"{4}\" alone; please answer that row again";

    // Warnings (validate/warnings.rs).
    UNSCORED_HAS_POINTS = "题目 `{}` 不计分（权重为 0 或是填空题），它的选项分值不起作用",
        "question `{}` is not scored (weight 0 or free text), so its options' points have no effect";
    REMOVE_POINTS_OR_WEIGH = "删掉这些分值，或者给题目一个正的权重",
        "remove the points, or give the question a positive weight";
    SHARE_IGNORES_POINTS = "按比例计分的多选题 `{1}` 的选项 `{0}` 有分值，但比例只数勾了几项，分值不起作用",
        "option `{}` of share-scored question `{}` has points, which have no effect: a share counts ticks";
    REMOVE_POINTS_OR_SUM = "删掉分值，或者改用 `\"multi_scoring\": \"sum\"`",
        "remove the points, or use `\"multi_scoring\": \"sum\"`";
    NONE_OF_THESE_SCORES = "题目 `{1}` 的互斥选项 `{0}` 给了 {2} 分：勾“以上都没有”反而得分",
        "exclusive option `{}` of `{}` gives {} points for having none of the others";
    NONE_OF_THESE_EARNS_ZERO = "“以上都没有”一般是 0 分；除非确实想奖励它，否则改成 0",
        "a \"none of these\" usually earns 0; make it 0 unless that is meant";
    NUMBER_NEVER_SCORES = "数字题 `{}` 允许填的范围（{} 到 {}）只落在 0 分的分段里，这道题永远得不到分",
        "number question `{}` accepts only numbers ({} to {}) that fall in bands worth no points, so it can never score";
    CHECK_MIN_MAX = "检查 `min`、`max` 和各分段的分值", "check `min`, `max` and the bands' points";

    // Questionnaire and catalogue (validate.rs).
    // What an id names, in "duplicate … id".
    PROFILE_FIELD = "企业信息字段", "profile field";
    PROFILE_OPTION = "企业信息选项", "profile option";
    FINDING = "发现", "finding";
    LEVEL = "等级", "level";
    AREA = "领域", "area";
    DIMENSION = "维度", "dimension";
    LADDER = "阶梯", "ladder";
    RUNG = "台阶", "rung";
    RULE = "规则", "rule";
    PROPOSAL = "提案", "proposal";
    QUESTION = "题目", "question";
    OPTION = "选项", "option";
    ROW = "行", "row";
    // What a list holds too many of.
    QUESTIONS = "题目", "questions";
    RULES = "规则", "rules";
    OPTIONS = "选项", "options";
    BANDS = "分段", "bands";
    RUNGS = "台阶", "rungs";

    ID_EMPTY = "{}编号是空的", "{} id is empty";
    CHECK_ID = "请检查{}编号", "check the {} id";
    USE_ID_FROM = "请使用 `{}` 里的编号", "use an id from `{}`";
    GIVE_AN_ID = "给它起一个简短、不重复的编号", "give it a short unique id";
    DUPLICATE_ID = "{}编号 `{}` 重复了", "duplicate {} id `{}`";
    IDS_MUST_UNIQUE = "编号不能重复；请改掉其中一个", "ids must be unique; rename one of them";
    SCHEMA_VERSION_UNSUPPORTED = "不支持 schema_version {}；这个版本的 smecheck 读取的是 {} 版",
        "schema_version {} is not supported; this smecheck reads version {}";
    UPDATE_SMECHECK_CONVERT = "请更新 smecheck，或者转换这个文件", "update smecheck or convert the file";
    BREADTH_NOT_MULTI = "广度题 `{}` 不是本问卷里的多选题",
        "breadth question `{}` is not a multiple-choice question of this questionnaire";
    LIST_ONLY_MULTIPLE = "这里只能列多选题的编号", "list only multiple-choice question ids";
    MISSING_CHINESE_ZH = "缺少中文（zh）译文", "missing Chinese (zh) translation";
    MISSING_ENGLISH_EN = "缺少英文（en）译文", "missing English (en) translation";
    BOTH_LANGUAGES_NEEDED = "用户能看到的每一段文字都要同时有 zh 和 en",
        "every user-visible string needs both zh and en";
    CONTROL_CHARACTER = "文字里有看不见的控制字符 U+{}",
        "text contains the invisible control character U+{}";
    REMOVE_CONTROL_CHARACTERS = "请删掉它：控制字符和书写方向控制符可能改变终端或报告里显示的内容",
        "remove it: control characters and direction overrides could change what a terminal or report shows";
    TOO_MANY_DECIMALS = "`{}` 是 {} 位小数，最多只能 {} 位",
        "`{}` asks for {} decimals; at most {} are supported";
    DECIMALS_FROM_0_TO_4 = "分数用不着这么细；写 0 到 4 之间的整数",
        "no score needs that many; give a whole number from 0 to 4";
    EDGES_FINER_THAN_SCORES = "等级边界有 {} 位小数，比分数的精度（{} 位）还细",
        "level edges have {} decimals, finer than the scores' precision ({})";
    MAKE_LEVEL_EDGES = "把 `level_edges` 设成不大于 `precision` 的数",
        "make `level_edges` no larger than `precision`";
    GAP_LINE_OUTSIDE = "短板线 `gap_below` 是 {}，不在 0 到 100 之间",
        "the gap line `gap_below` is {}, outside 0 to 100";
    GAP_LINE_RANGE = "分数是 0 到 100 分，短板线也得在这个范围里（默认 60）",
        "scores run from 0 to 100, so the gap line must too (60 by default)";
    NO_LEVELS_DEFINED = "没有定义等级", "no levels defined";
    DEFINE_SCORE_BANDS = "定义覆盖 0 到 100 分的分数段", "define score bands covering 0 to 100";
    LEVEL_MIN_NOT_BELOW_MAX = "等级 `{}` 的 min {} 不小于 max {}", "level `{}` has min {} not below max {}";
    LEVEL_IS_HALF_OPEN = "每一档是 [min, max)：含 min，不含 max，min 要小于 max",
        "each band is [min, max) with min < max";
    LEVELS_START_ABOVE_ZERO = "等级从 {} 开始，而不是从 0 开始", "levels start at {} instead of 0";
    FIRST_LEVEL_MIN = "第一个等级的 min 必须是 0", "the first level's min must be 0";
    LEVELS_END_BELOW_100 = "等级到 {} 为止，而不是到 100", "levels end at {} instead of 100";
    LAST_LEVEL_MAX = "最后一个等级的 max 必须是 100", "the last level's max must be 100";
    GAP_BETWEEN_LEVELS = "等级 `{}` 和 `{}` 之间有空档：{} 到 {} 分没有对应的等级",
        "gap between levels `{}` and `{}`: scores from {} to {} have no level";
    LEVELS_MEET_OR_STEP = "让每个等级的 min 等于前一个等级的 max，或者正好比它大一个边界步长（见 `score_format.level_edges`）",
        "make each level's min equal the previous level's max, or exactly one edge step above it (see `score_format.level_edges`)";
    LEVELS_OVERLAP = "等级 `{}` 和 `{}` 在 {} 到 {} 之间重叠",
        "levels `{}` and `{}` overlap from {} to {}";
    LEVELS_MEET = "让每个等级的 min 等于前一个等级的 max",
        "make each level's min equal the previous level's max";
    AREA_WEIGHT = "领域 `{}` 的权重是 {}", "area `{}` has weight {}";
    WEIGHTS_MUST_POSITIVE = "权重必须是正数", "weights must be positive numbers";
    AREA_NO_DIMENSIONS = "领域 `{}` 没有任何维度", "area `{}` has no dimensions";
    ADD_A_DIMENSION = "至少加一个维度", "add at least one dimension";
    DIMENSION_WEIGHT = "维度 `{}` 的权重是 {}", "dimension `{}` has weight {}";
    DIMENSION_UNSCORED = "维度 `{}` 没有计分的题目", "dimension `{}` has no scored question";
    ADD_SCORED_QUESTION = "给它加一道计分题，或者删掉这个维度",
        "add a scored question to it or remove the dimension";
    LADDER_NO_SUCH_AREA = "阶梯 `{}` 指向的领域 `{}` 不存在",
        "ladder `{}` names area `{}`, which does not exist";
    TOO_FEW_RUNGS = "阶梯 `{}` 至少需要两级台阶", "ladder `{}` needs at least two rungs";
    ADD_RUNGS_FROM = "从最低一级开始往上加台阶", "add rungs from the lowest up";
    FIRST_RUNG_REQUIRES = "第一级台阶 `{}` 不能有条件", "the first rung `{}` must have no requirements";
    EVERY_FIRM_STANDS = "每家企业至少站在第一级台阶上", "every firm stands at least on the first rung";
    RUNG_NO_REQUIREMENTS = "台阶 `{}` 没有条件", "rung `{}` has no requirements";
    SAY_WHAT_RUNG_NEEDS = "写明企业要站上这一级需要满足什么", "say what a firm needs to stand on this rung";
    NO_SUCH_PROPOSAL = "规则 `{}` 指向的提案 `{}` 不在提案目录里",
        "rule `{}` names proposal `{}`, which the catalogue does not have";
    USE_CATALOGUE_PROPOSAL = "请使用目录里的提案：{}", "use one of the catalogue's proposals: {}";
    RULE_PRIORITY = "规则 `{}` 的优先级是 {}", "rule `{}` has priority {}";
    PRIORITY_ONE_TO_THREE = "优先级只能是 1（最紧急）、2 或 3", "priority is 1 (most urgent), 2 or 3";
    WHEN_ONLY_PROFILE = "规则 `{}` 的 `when` 只看企业概况，永远给不出依据",
        "rule `{}` has a `when` that reads only the profile, so it can never give a reason";
    MOVE_PROFILE_TEST = "把概况条件移到 `eligible_if`，在 `when` 里写出企业的哪些回答说明需要这条建议",
        "move the profile test to `eligible_if`, and say in `when` which answers show the firm needs this advice";
    NO_RULE_RECOMMENDS = "问卷 `{}` 没有任何规则能推荐提案 `{}`（{}）",
        "no rule of questionnaire `{}` can ever recommend proposal `{}` ({})";
    ADD_RULE_FOR_PROPOSAL = "为这个提案加一条规则，否则企业永远不会被引导到它",
        "add a rule with this proposal, or the firm can never be pointed to it";
    /// Role, what it names (a word above), the id.
    ROLE_NO_SUCH = "角色 `{}` 指向的{} `{}` 不存在", "role `{}` names {} `{}`, which does not exist";
    USE_ID_OR_DROP_ROLE = "请使用 `{}` 里的编号，或者删掉这个角色", "use an id from `{}`, or remove the role";
    ROLE_FIRM_NAME_IS_CHOICE = "角色 `firm_name` 指向的企业信息字段 `{}` 是选择题，不是填写名称的地方",
        "role `firm_name` names profile field `{}`, which is a choice, not free text";
    FIRM_NAME_NEEDS = "企业名称要用一个没有选项的自由填写字段",
        "the firm's name needs a free-text field, one without options";
    NO_BUILT_IN_CATALOGUE = "没有名为 `{}` 的内置建议目录", "there is no built-in recommendations catalogue `{}`";
    BUILT_IN_CATALOGUES = "内置的有：{}；也可以把目录直接写在这里（一个对象）",
        "built in: {}; or write the catalogue out here (an object)";
    RULES_WITHOUT_CATALOGUE = "问卷 `{}` 的规则没有建议目录可以指向",
        "the rules of questionnaire `{}` have no recommendations catalogue to point to";
    ADD_RECOMMENDATIONS = "加上 `\"recommendations\": \"smecheck-p1-p11\"` 使用 smecheck 的 P1–P11，或者在 `recommendations` 里写出自己的目录，或者删掉这些规则",
        "add `\"recommendations\": \"smecheck-p1-p11\"` for smecheck's P1–P11, write your own catalogue in `recommendations`, or remove the rules";
    PROPOSAL_NO_ACTIONS = "提案 `{}` 没有列出行动", "proposal `{}` has no actions";
    LIST_ACTIONS = "列出企业今天就能做的事", "list what a firm can do today";
    VALUE_TOO_LARGE = "这个数 {} 太大了", "the value {} is too large";
    MAGNITUDE_LIMIT = "权重和分值要在 -1000000 到 1000000 之间，否则算出的分数可能溢出成 NaN",
        "weights and points must lie between -1000000 and 1000000; larger ones can overflow scores into NaN";
    MORE_THAN_ALLOWED = "{1}有 {0} 个，超过了允许的 {2} 个", "{} {}, more than the {} allowed";
    SPLIT_OR_SHORTEN = "拆分问卷，或者缩短这个列表", "split the questionnaire or shorten the list";

    // Questions (validate/questions.rs).
    PREVIOUSLY_NO_OPTION = "题目 `{}` 的 `previously` 把 `{}` 对应到 `{}`，但这道题没有这个选项",
        "question `{}`: `previously` maps `{}` to `{}`, which is not one of its options";
    MAP_TO_AN_OPTION = "对应到这道题的某个选项编号，或者删掉这一项（旧答案会被报告为无法对应）",
        "map it to one of this question's option ids, or leave it out (the old answer is then reported as not carried over)";
    PREVIOUSLY_ROWS_NOT_MATRIX = "题目 `{}` 不是矩阵题，`previously` 里不能有 `rows` 或 `row`",
        "question `{}` is not a matrix: `previously` cannot map `rows` or a `row`";
    REMOVE_ROWS_ROW = "删掉 `rows` / `row`；只有矩阵题按行接收旧答案",
        "remove `rows` / `row`; only a matrix takes earlier answers row by row";
    PREVIOUSLY_NO_ROW = "题目 `{}` 的 `previously` 把旧答案放进 `{}` 行，但这道题没有这一行",
        "question `{}`: `previously` puts an earlier answer in row `{}`, which it does not have";
    GIVE_A_ROW_ID = "写这道题的某个行编号", "give one of this question's row ids";
    NO_SUCH_DIMENSION = "题目 `{}` 指向的维度 `{}` 不在任何领域里",
        "question `{}` names dimension `{}`, which no area defines";
    USE_DIMENSION_ID = "请使用 `areas[].dimensions[].id` 里的维度编号",
        "use a dimension id from `areas[].dimensions[].id`";
    DIMENSION_RETURNS = "题目 `{}` 在另一个维度开始之后又回到了维度 `{}`",
        "question `{}` returns to dimension `{}` after another dimension began";
    KEEP_EACH_DIMENSION = "把同一维度的题目放在一起，章节列表才清楚",
        "keep each dimension's questions together so the section list stays clear";
    QUESTION_WEIGHT = "题目 `{}` 的权重是 {}", "question `{}` has weight {}";
    ZERO_OR_POSITIVE_WEIGHT = "请用 0（不计分）或一个正数权重", "use 0 (unscored) or a positive weight";
    DONT_KNOW_RESERVED = "`dont_know` 留给“不清楚”这个回答专用",
        "`dont_know` is reserved for the \"don't know\" answer";
    SET_DONT_KNOW = "在题目上设置 `\"dont_know\": true`，不要另加选项",
        "set `\"dont_know\": true` on the question instead of adding an option";
    EXCLUSIVE_NOT_MULTI = "选项 `{}` 设为互斥，但题目 `{}` 不是多选题",
        "option `{}` is exclusive but question `{}` is not multiple choice";
    REMOVE_FIELD = "删掉 `{}`", "remove `{}`";
    ZEROES_NOT_MULTI = "选项 `{}` 设为归零，但题目 `{}` 不是多选题",
        "option `{}` zeroes its question but question `{}` is not multiple choice";
    ZERO_POINTS_INSTEAD = "单选题里给这个选项 0 分就行，删掉 `zeroes`",
        "in a one-answer question give the option 0 points and remove `zeroes`";
    ZEROES_IGNORES_POINTS = "选项 `{}`（题目 `{}`）会让整题得零分，它的分值不起作用",
        "option `{}` of `{}` zeroes its question, so its points can have no effect";
    REMOVE_POINTS_OR_ZERO = "删掉它的 `points` 或改成 0", "remove its `points` or make them 0";
    NOT_MATRIX_HAS_FIELD = "题目 `{}` 不是矩阵题，却有 `{}`",
        "question `{}` is not a matrix question but has `{}`";
    REMOVE_OR_MATRIX = "删掉它，或者把 `kind` 改成 `matrix`", "remove it, or make `kind` `matrix`";
    MATRIX_WITHOUT_ROWS = "矩阵题 `{}` 没有任何行", "matrix question `{}` has no rows";
    LIST_ROWS = "在 `rows` 里列出要逐行回答的项目，每行有 id 和 label",
        "list the items answered row by row under `rows`, each with an id and a label";
    MATRIX_TOO_MANY_ROWS = "矩阵题 `{}` 有 {} 行，最多 64 行",
        "matrix question `{}` has {} rows; at most 64 are supported";
    SPLIT_QUESTION = "把它拆成几道题", "split it into several questions";
    TOO_FEW_OPTIONS = "题目 `{}` 至少需要两个选项", "question `{}` needs at least two options";
    ADD_OPTIONS = "加上企业可以选择的选项", "add the options a firm can choose from";
    OPTION_WITHOUT_POINTS = "计分题 `{1}` 的选项 `{0}` 没有分值",
        "option `{}` of scored question `{}` has no points";
    ADD_POINTS_OR_UNSCORE = "加上 `points`，或者把题目权重设为 0 让它不计分",
        "add `points`, or set the question's weight to 0 to leave it unscored";
    OPTION_POINTS = "选项 `{}` 的分值是 {}", "option `{}` has points {}";
    POINTS_MUST_FINITE = "分值必须是有限的数字", "points must be finite numbers";
    NO_OPTION_GIVES_POINTS = "计分题 `{}` 没有任何选项给分", "no option of scored question `{}` gives points";
    GIVE_BEST_OPTION = "给最好的选项一个正的分值", "give the best option positive points";
    SCALE_FALLS = "量表 `{}` 从 `{}` 到 `{}` 分值下降了", "scale `{}` falls from `{}` to `{}`";
    SCALE_MUST_RISE = "量表的分值不能沿着刻度往下降", "a scale's points must not decrease along it";
    YES_PARTLY_NO = "是/部分/否题 `{}` 有选项 `{}`；它的选项必须正好是 yes、partly、no",
        "yes/partly/no question `{}` has option `{}`; its options must be exactly yes, partly, no";
    RENAME_OPTION_OR_SINGLE = "改掉这个选项的编号，或者改用 `single` 类型", "rename the option or use kind `single`";
    YES_PARTLY_NO_QUESTION = "是/部分/否题 `{}` 的选项必须正好是 yes、partly、no",
        "yes/partly/no question `{}` must have exactly the options yes, partly, no";
    ADD_MISSING_OPTION = "补上缺少的选项，或者改用 `single` 类型", "add the missing option or use kind `single`";
    KIND_TAKES_NO_OPTIONS = "这种类型的题目 `{}` 不能有选项", "question `{}` of this kind takes no options";
    REMOVE_OPTIONS_OR_KIND = "删掉 `options`，或者改变 `kind`", "remove `options` or change `kind`";
    QUESTION_MIN_ABOVE = "题目 `{}` 的 min {} 大于 max {}", "question `{}` has min {} above max {}";
    SWAP_THEM = "把两者对调", "swap them";
    NUMBER_WITHOUT_BANDS = "计分的数字题 `{}` 没有分段", "scored number question `{}` has no bands";
    ADD_BANDS_OR_UNSCORE = "加上分段 [{min, max, points}]，或者把权重设为 0", "add bands [{min, max, points}] or set weight 0";
    BAND_MIN_NOT_BELOW_MAX = "`{1}` 的第 {0} 段 min {2} 不小于 max {3}",
        "band {} of `{}` has min {} not below max {}";
    BAND_IS_HALF_OPEN = "每一段是 [min, max)：含 min，不含 max", "each band is [min, max)";
    BAND_OPEN_ENDED = "`{1}` 的第 {0} 段没有上限，但它不是最后一段",
        "band {} of `{}` is open-ended but not the last";
    ONLY_LAST_BAND = "只有最后一段可以不写 max", "only the last band may omit max";
    GAP = "空档", "gap";
    OVERLAP = "重叠", "overlap";
    BETWEEN_BANDS = "`{3}` 的第 {1} 段和第 {2} 段之间有{0}（{4} 对 {5}）",
        "{} between bands {} and {} of `{}` ({} vs {})";
    BANDS_MEET = "让每一段的 min 等于前一段的 max", "make each band's min equal the previous band's max";
    NUMBERS_BELOW_BANDS = "`{2}` 从 {0} 到 {1} 的数字不落在任何分段里",
        "numbers from {} to {} of `{}` fall in no band";
    START_FIRST_BAND = "让第一段从题目的 min 开始", "start the first band at the question's min";
    NUMBER_WITHOUT_MIN = "计分的数字题 `{}` 没有 `min`，比第一段更小的数字不落在任何分段里",
        "scored number question `{}` has no `min`, so numbers below its first band fall in no band";
    SET_QUESTION_MIN = "把题目的 `min` 设为第一段的 min", "set the question's `min` to the first band's min";
    NUMBERS_ABOVE_BANDS = "`{2}` 从 {0} 到 {1} 的数字不落在任何分段里",
        "numbers from {} up to {} of `{}` fall in no band";
    OPEN_LAST_BAND = "去掉最后一段的 `max`（不设上限），或者把题目的 `max` 设成它",
        "leave out the last band's `max` (open-ended) or set the question's `max` to it";
    TEXT_NO_DONT_KNOW = "文字题 `{}` 不能提供“不清楚”",
        "free-text question `{}` cannot offer \"don't know\"";
    BANDS_NOT_NUMBER = "题目 `{}` 不是数字题，却有分段",
        "question `{}` is not a number question but has bands";

    // Conditions (validate/condition.rs).
    CELL_NEEDS_MATRIX = "`cell` 和 `row_points` 要用在矩阵题上；`{}` 不是矩阵题",
        "`cell` and `row_points` need a matrix question; `{}` is not one";
    CHOICE_OR_POINTS_ELSEWHERE = "别的题目请用 `choice` 或 `points`",
        "use `choice` or `points` for other questions";
    NO_SUCH_ROW = "矩阵题 `{}` 没有行 `{}`", "matrix question `{}` has no row `{}`";
    ROWS_OF = "`{}` 的行：{}", "rows of `{}`: {}";
    EMPTY_LIST = "`{}` 是空的", "empty `{}`";
    LIST_A_CONDITION = "至少列一个条件", "list at least one condition";
    NO_SUCH_QUESTION = "条件引用的题目 `{}` 不存在",
        "condition refers to question `{}`, which does not exist";
    DEPENDS_ON_ITSELF = "题目 `{}` 依赖它自己", "question `{}` depends on itself";
    DEPEND_ON_EARLIER_ONLY = "一道题是否显示只能取决于它前面的题目",
        "a question's visibility can only depend on earlier questions";
    DEPENDS_ON_LATER = "题目 `{}` 依赖排在它后面的题目 `{}`",
        "question `{}` depends on the later question `{}`";
    MOVE_QUESTION_AFTER = "把这道题移到它所依赖的题目后面，或者修改条件",
        "move the question after the one it depends on, or change the condition";
    OPTION_LIST_EMPTY = "选项列表是空的，这个条件永远不会成立",
        "the option list is empty, so the condition can never hold";
    LIST_AN_OPTION = "至少列一个选项编号", "list at least one option id";
    NO_SUCH_OPTION = "题目 `{}` 没有选项 `{}`", "question `{}` has no option `{}`";
    OPTIONS_OF = "`{}` 的选项：{}", "options of `{}`: {}";
    CHOICE_ON_MATRIX = "`{}` 是矩阵题，`choice` 读不到它的某一行",
        "`{}` is a matrix question; `choice` cannot read one of its rows";
    USE_CELL = "请改用 `cell`，写明 `row`", "use `cell` and name the `row`";
    ROW_POINTS_SHARE = "`row_points` 比较的是占一行最高分的比例，在 0 到 1 之间",
        "`row_points` compares the share of a row's maximum, 0 to 1";
    USE_ZERO_TO_ONE = "请用 0 到 1 之间的数", "use a value between 0 and 1";
    CHOICE_NEEDS_OPTIONS = "`choice` 要用在有选项的题目上；`{}` 没有选项",
        "`choice` needs a question with options; `{}` has none";
    USE_NUMBER = "数字题请用 `number`", "use `number` for number questions";
    CHOICE_ALL_NEEDS_MULTI = "`choice_all` 要用在多选题上；`{}` 不是多选题",
        "`choice_all` needs a multiple-choice question; `{}` is not";
    USE_CHOICE = "请改用 `choice`", "use `choice`";
    COUNT_NEEDS_MULTI = "`count` 要用在多选题上；`{}` 不是多选题",
        "`count` needs a multiple-choice question; `{}` is not";
    COUNT_NEVER_HOLDS = "这个对 `{}` 的计数条件永远不会成立（只有 {} 个选项可勾）",
        "this count on `{}` can never hold ({} options to tick)";
    LOWER_AT_LEAST = "调低 `at_least`", "lower `at_least`";
    NUMBER_NEEDS_NUMBER_QUESTION = "`number` 要用在数字题上；`{}` 不是数字题",
        "`number` needs a number question; `{}` is not";
    USE_CHOICE_OR_POINTS = "请改用 `choice` 或 `points`", "use `choice` or `points`";
    POINTS_NEEDS_SCORED = "`points` 要用在计分题上；`{}` 不计分",
        "`points` needs a scored question; `{}` is unscored";
    POINTS_SHARE = "`points` 比较的是占最高分的比例，在 0 到 1 之间",
        "`points` compares the share of the maximum, 0 to 1";
    NO_DONT_KNOW_NEVER_HOLDS = "题目 `{}` 没有“不清楚”选项，这个条件永远不会成立",
        "question `{}` does not offer \"don't know\", so this never holds";
    SET_DONT_KNOW_ON_QUESTION = "在题目上设置 `dont_know: true`", "set `dont_know: true` on the question";
    NO_NOT_APPLICABLE_NEVER_HOLDS = "题目 `{}` 没有“不适用”选项，这个条件永远不会成立",
        "question `{}` does not offer \"not applicable\", so this never holds";
    SET_NOT_APPLICABLE = "在题目上设置 `not_applicable: true`",
        "set `not_applicable: true` on the question";
    NO_SUCH_PROFILE_FIELD = "企业信息字段 `{}` 不存在", "profile field `{}` does not exist";
    NO_SUCH_PROFILE_OPTION = "企业信息字段 `{}` 没有选项 `{}`", "profile field `{}` has no option `{}`";
    SKIP_LOGIC_OF = "题目 `{}` 的跳题条件", "the skip logic of question `{}`";
    LADDER_REQUIREMENT = "阶梯台阶的条件", "a ladder requirement";
    EARLIER_ANSWERS_AND_PROFILE = "前面题目的答案和企业信息", "answers to earlier questions and the profile";
    ANSWERS_AND_PROFILE = "答案和企业信息", "answers and the profile";
    CANNOT_TEST_HERE = "{1}里不能检查 `{0}`：这里只能检查{2}",
        "`{}` cannot be tested in {}: it may only test {}";
    COMPUTED_FROM_ALL_ANSWERS = "得分、广度、台阶、等级和发现都是根据全部答案算出来的；请在规则和发现里检查它们",
        "scores, breadth, rungs, levels and findings are computed from all answers; test them in rules and findings";
    NO_SUCH_SCORE = "`{}` 的得分：没有这个领域或维度", "score of `{}`: no such area or dimension";
    USE_SCORE_ID = "请使用 `overall`、领域编号或维度编号", "use `overall`, an area id or a dimension id";
    NO_BREADTH_DEFINED = "检查了 `breadth`，但问卷没有定义广度",
        "`breadth` is tested but the questionnaire defines no breadth";
    ADD_BREADTH_SECTION = "加一个 `breadth` 部分", "add a `breadth` section";
    NO_SUCH_LADDER = "阶梯 `{}` 不存在", "ladder `{}` does not exist";
    NO_SUCH_RUNG = "阶梯 `{}` 没有台阶 `{}`", "ladder `{}` has no rung `{}`";
    RUNG_RANGE_EMPTY = "这个台阶范围是空的，条件永远不会成立",
        "this rung range is empty, so the condition never holds";
    AT_LEAST_LOWER_RUNG = "`at_least` 必须是比 `below` 低的台阶",
        "`at_least` must be a lower rung than `below`";
    NO_SUCH_LEVELS_AREA = "`{}` 的等级：没有这个领域", "levels of `{}`: no such area";
    USE_OVERALL_OR_AREA = "请使用 `overall` 或领域编号", "use `overall` or an area id";
    NO_SUCH_LEVEL = "`{}` 没有等级 `{}`", "`{}` has no level `{}`";
    FINDING_IN_FINDING = "只能在规则里检查发现，不能在别的发现里检查",
        "findings can only be tested in rules, not in other findings";
    MOVE_TEST_TO_RULE = "把这个检查移到规则里", "move this test into a rule";
    NO_SUCH_FINDING = "发现 `{}` 不存在", "finding `{}` does not exist";
    RANGE_NEVER_HOLDS = "`at_least` {} 不小于 `below` {}，这个条件永远不会成立",
        "`at_least` {} is not below `below` {}, so this never holds";
    WIDEN_RANGE = "放宽这个范围", "widen the range";

    // Reachability (reachability.rs).
    RUNG_NEVER_REACHED = "阶梯 `{0}` 的台阶 `{1}` 在 {2} 家抽样企业中一次也没有达到",
        "rung `{1}` of ladder `{0}` was not reached by any of {2} sampled firms";
    CHECK_RUNG_REQUIREMENTS = "检查它的条件和下面每一级台阶的条件能不能同时成立",
        "check that its requirements and those of every lower rung can hold together";
    PROPOSAL_NEVER_RECOMMENDED = "提案 `{}` 在 {} 家抽样企业中一次也没有被推荐",
        "proposal `{}` was not recommended to any of {} sampled firms";
    CHECK_RULE_CONDITIONS = "检查它的规则条件能不能成立", "check that the conditions of its rules can hold";
    // A question's kind, the value an answer of that kind must be, and what a value was
    // found instead (answers.rs).
    KIND_SINGLE = "单选", "single choice";
    KIND_MULTI = "多选", "multiple choice";
    KIND_SCALE = "量表", "scale";
    KIND_YES_PARTLY_NO = "是/部分/否", "yes/partly/no";
    KIND_NUMBER = "数字", "number";
    KIND_TEXT = "文字", "free text";
    KIND_MATRIX = "矩阵", "matrix";
    EXPECT_OPTION_ID = "一个选项编号（字符串）", "an option id as a string";
    EXPECT_OPTION_IDS = "选项编号的列表", "an array of option ids";
    EXPECT_NUMBER = "一个数字", "a number";
    EXPECT_TEXT = "一段文字", "a string";
    EXPECT_ROWS = "以行编号为键的对象", "an object keyed by row id";
    JSON_NULL = "null", "null";
    JSON_BOOL = "布尔值", "a boolean";
    JSON_NUMBER = "数字", "a number";
    JSON_STRING = "文字", "a string";
    JSON_ARRAY = "列表", "an array";
    JSON_OBJECT = "对象", "an object";
    EXPECT_COLUMN_IDS = "列编号的列表", "an array of column ids";
}
