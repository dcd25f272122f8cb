//! Every word the phone pages and `workshop serve` print, in Chinese and English.

pub use crate::domain::text::Bilingual as T;

crate::bilingual! {
    // Answers a phone sent that cannot be recorded (flow.rs).
    SPECIAL_ALONE = "“不清楚”一类的回答不能和其他选项同时勾选", "An answer such as \"don't know\" cannot be ticked together with other options";
    EXCLUSIVE_ALONE = "“以上都没有”一类的选项不能和其他选项同时勾选", "An option such as \"none of these\" cannot be ticked together with others";
    NOT_A_NUMBER = "“{}”不是一个数字", "\"{}\" is not a number";
    NOT_FINITE = "数字必须是有限的", "The number must be finite";
    TOO_LONG = "文字太长了：最多 {} 个字", "The text is too long: at most {} characters";
    BAD_FORM = "提交的内容无法识别", "The form sent could not be understood";
    // The terminal.
    LISTENING = "参与者用手机扫描二维码，或在浏览器中输入以下地址：", "Participants scan the QR code, or type one of these addresses into their phone's browser:";
    LISTEN_ALL = "（正在监听所有网络接口 {}；只在本机测试时可用 --bind 127.0.0.1）", "(listening on every network interface {}; use --bind 127.0.0.1 to test on this machine only)";
    LISTEN_ONE = "（正在监听 {}）", "(listening on {})";
    JOIN_CODE = "加入码：{}", "Join code: {}";
    STOP_HINT = "按 Ctrl-C 结束。答案随时保存在 {}", "Press Ctrl-C to stop. Answers are saved as they come in {}";
    STOPPED = "已停止。通过手机加入的企业：{} 家。", "Stopped. Firms that joined on their phones: {}.";
    CANNOT_BIND = "无法在 {} 上开始服务：{}\n  提示：换一个端口（--port），或检查该地址是否属于本机", "Cannot serve on {}: {}\n  hint: pick another port (--port), or check that the address belongs to this machine";

    // Every page.
    LANG_OTHER = "English", "中文";
    HOME = "首页", "Start page";
    BACK = "上一题", "Back";
    SECTIONS = "目录", "Sections";
    NEXT = "保存，下一题", "Save and continue";
    RESULTS = "我的结果", "My results";

    // The start page.
    WELCOME = "欢迎参加本次工作坊。用手机回答问卷，每个答案都会立即保存；结束时您会看到自己的结果和报告。", "Welcome to this workshop. Answer the questionnaire on your phone; every answer is saved at once, and at the end you see your own results and report.";
    MINUTES = "大约需要 {} 分钟。", "It takes about {} minute." | "It takes about {} minutes.";
    START = "开始作答", "Start";
    CONTINUE = "继续作答（企业代码 {}）", "Continue (firm code {})";
    OTHER_DEVICE = "在另一台设备上继续", "Continue from another device";
    OTHER_DEVICE_HINT = "输入开始时显示的企业代码和 PIN 码。", "Type the firm code and PIN you were shown when you started.";
    FIRM_CODE = "企业代码", "Firm code";
    PIN = "PIN 码", "PIN";
    RESUME = "继续", "Continue";
    PRIVACY = "您的答案只保存在主持人的电脑上；其他参与者看不到您的企业名称和答案。", "Your answers stay on the facilitator's computer; other participants never see your firm's name or answers.";

    // After joining.
    YOUR_CODE = "请记下您的企业代码和 PIN 码", "Write down your firm code and PIN";
    YOUR_CODE_HINT = "用同一部手机随时可以继续；换一台设备时需要输入这两项。", "This phone continues any time; another device asks for both.";
    BEGIN = "开始回答问题", "Begin the questions";

    // The firm's profile.
    PROFILE = "关于贵企业", "About your firm";
    PROFILE_HINT = "都可以不填；企业名称只出现在您自己的报告里。", "Everything here is optional; the firm's name appears only in your own report.";

    // A question.
    HELP = "这是什么意思？", "What does this mean?";
    EXAMPLE = "例如：", "For example: ";
    PROGRESS = "第 {} 题，共 {} 题", "Question {} of {}";
    NUMBER_RANGE = "范围 {} 到 {}", "from {} to {}";
    TICK_ANY = "可多选", "Tick all that apply";
    ONE_PER_ROW = "每一行选一项", "Choose one in each row";
    SKIP_NOTE = "不选就继续，这题会留空。", "Continuing without a choice leaves the question open.";

    // The sections page.
    SECTIONS_TITLE = "问卷目录", "Sections of the questionnaire";
    ANSWERED_OF = "已答 {} / {}", "{} / {} answered";

    // The results page.
    RESULTS_TITLE = "您的自检结果", "Your self-check results";
    OPEN_LEFT = "还有 {} 道题没有回答，结果是初步的。", "{} question is still open; the results are provisional." | "{} questions are still open; the results are provisional.";
    ANSWER_OPEN = "回答剩下的问题", "Answer the open questions";
    TOP_ACTIONS = "最先要做的事", "What to do first";
    GAPS = "差距最大的方面", "Where the gaps are";
    REPORT_VIEW = "查看完整报告", "View the full report";
    REPORT_DOWNLOAD = "下载报告（HTML）", "Download the report (HTML)";
    REPORT_HINT = "在微信里无法下载时，请点右上角用浏览器打开，或直接截图保存。", "If WeChat will not download it, open the page in your browser (top-right menu) or take a screenshot.";
    CHANGE_ANSWERS = "修改答案", "Change answers";
    NO_ACTIONS = "目前没有需要优先处理的建议。", "No recommendation stands out yet.";

    // Refusals.
    E_NOT_FOUND = "没有这个页面。", "There is no such page.";
    E_NOT_YOURS = "请先加入工作坊，或在首页输入企业代码和 PIN 码继续。", "Join the workshop first, or continue with your firm code and PIN on the start page.";
    E_TOO_LARGE = "提交的内容太大了。", "What was sent is too large.";
    E_TOO_MANY = "请求太频繁，请稍等几秒再试。", "Too many requests; wait a few seconds and try again.";
    E_TOO_MANY_JOINS = "从这台设备加入的次数太多了，请一分钟后再试。", "Too many new firms from this device; try again in a minute.";
    E_BAD_LOGIN = "企业代码或 PIN 码不对。", "The firm code or PIN is not right.";
    E_LOCKED = "PIN 码错误次数太多，这个企业代码暂时锁定 15 分钟；请向主持人求助。", "Too many wrong PINs: this firm code is locked for 15 minutes; ask the facilitator.";
    E_BAD_FORM = "提交的内容无法识别。", "The form sent could not be understood.";
    E_METHOD = "这个页面不接受这种请求。", "This page does not take that kind of request.";
    E_SERVER = "保存时出了问题，请再试一次；如仍失败请告诉主持人。", "Something went wrong while saving; try again, and tell the facilitator if it keeps failing.";
    E_PACED = "主持人还没有讲到这一部分，请稍候。", "The facilitator has not reached this section yet; please wait.";
    E_FORBIDDEN = "请求来自别的网站，已拒绝。", "The request came from another site and was refused.";
}
