//! `--help` in the user's language: the one table of Chinese help texts for every command and
//! argument, laid over the English ones clap takes from the doc comments.

use clap::{Arg, ArgAction, Command};

use crate::domain::Lang;

/// (command path, argument id or "" for the command itself, Chinese help). An argument said
/// the same way across commands is written once: under "workshop *" for every `workshop`
/// command, under "*" for every command; the entry for the command itself wins (see [`chinese`]).
const ZH: &[(&str, &str, &str)] = &[
    (
        "*",
        "questionnaire",
        "问卷：内置问卷的名字（smecheck、eurostat-dii 等，见 `smecheck questionnaire --list`）或问卷文件的路径；同名的文件优先 [默认：smecheck]",
    ),
    ("*", "lang", "语言（默认：按系统语言，否则中文）"),
    ("*", "format", "报告格式"),
    ("*", "output", "写入这个文件（原子写入），而不是标准输出"),
    ("*", "force", "输出文件已存在时替换它"),
    ("workshop *", "lang", "语言（默认：工作坊的语言）"),
    ("workshop *", "dir", "工作坊文件夹"),
    (
        "",
        "",
        "中小企业自查：用云用得有多深，融资准备得怎么样。不带命令时开始（或继续）交互式自检。",
    ),
    ("run", "", "开始或继续交互式自检"),
    (
        "run",
        "answers",
        "答卷文件，每次改动后自动保存（默认：在用户数据文件夹里新建一个）",
    ),
    ("run", "plain", "逐行提问，不用全屏界面（读屏软件、管道）"),
    (
        "run",
        "workshop",
        "参加工作坊：答案以新的企业代码保存在工作坊文件夹里",
    ),
    (
        "run",
        "firm",
        "与 --workshop 一起用：以这个企业代码继续作答，而不是重新开始",
    ),
    (
        "run",
        "read_only",
        "只查看答案、不保存（例如另一个会话正打开着这个文件）",
    ),
    (
        "run",
        "follow_up",
        "以这份较早的自检为起点开始跟进自检：新答卷（--answers，或放在它旁边）预先填好上次的答案；较早的答卷不会被改动",
    ),
    ("score", "", "给已保存的答卷打分并打印结果（无界面）"),
    ("score", "answers", "要打分的答卷文件"),
    ("score", "format", "输出格式"),
    ("validate", "", "检查问卷文件（默认：内置问卷）"),
    (
        "validate",
        "path",
        "要检查的问卷：问卷文件的路径，或内置问卷的名字（见 `smecheck questionnaire --list`）；同名的文件优先 [默认：smecheck]",
    ),
    ("questionnaire", "", "打印 JSON Schema、空白答卷或编码手册"),
    ("questionnaire", "schema", "打印问卷格式的 JSON Schema"),
    ("questionnaire", "template", "打印这份问卷的空白答卷"),
    (
        "questionnaire",
        "codebook",
        "打印编码手册：每道题、选项或分段、分值和条件",
    ),
    ("questionnaire", "format", "编码手册的格式 [默认：json]"),
    (
        "questionnaire",
        "list",
        "列出 smecheck 内置的问卷：名字、标题、版本、语言、题数和各自衡量什么",
    ),
    (
        "report",
        "",
        "为已保存的答卷写建议报告（文本、Markdown、HTML 或 JSON）",
    ),
    ("report", "answers", "要出报告的答卷文件"),
    ("report", "lang", "报告的语言（默认：按系统语言，否则中文）"),
    ("report", "date", "报告日期 [默认：今天，UTC]"),
    (
        "report",
        "short",
        "与 `--format text` 一起用：只要一页摘要，最多 40 行，没有条形图和框线，便于粘贴到微信或邮件",
    ),
    (
        "report",
        "workshop",
        "加上该企业在这个工作坊已完成企业中的位置（使用工作坊的问卷）",
    ),
    (
        "report",
        "baseline",
        "同一企业更早的一份答卷：加上“与上次相比”一节 [默认：跟进自检所跟进的那份答卷，只要它还在]",
    ),
    (
        "workshop",
        "",
        "办工作坊：建文件夹、导入答卷、投屏讲解、查看全场、出报告",
    ),
    (
        "workshop new",
        "",
        "新建工作坊文件夹：workshop.json、responses/ 和所用的问卷",
    ),
    (
        "workshop new",
        "dir",
        "要新建的文件夹（新的或空的）：笔记本、U 盘、网络共享或同步盘都可以",
    ),
    ("workshop new", "title", "投影和全场报告上显示的标题"),
    (
        "workshop new",
        "questionnaire",
        "问卷：内置问卷的名字（见 `smecheck questionnaire --list`）或问卷文件的路径，同名的文件优先；文件夹里会留一份副本 [默认：smecheck]",
    ),
    (
        "workshop new",
        "lang",
        "主持人界面和报告的语言（默认：按系统语言）",
    ),
    (
        "workshop new",
        "follow_up",
        "作为这次较早工作坊的回访：企业沿用原来的代码，并看到上次的答案已填好；全场报告显示全场的变化",
    ),
    (
        "workshop import",
        "",
        "检查手工收集的答卷，以新的企业代码复制进来",
    ),
    (
        "workshop import",
        "files",
        "由 `smecheck run` 保存的答卷文件",
    ),
    (
        "workshop present",
        "",
        "投影视图：一次一道题，揭晓时显示全场的回答",
    ),
    ("workshop dashboard", "", "全场结果，随企业作答实时更新"),
    (
        "workshop dashboard",
        "named",
        "在企业代码旁显示企业名称（共享屏幕上请不要用）",
    ),
    (
        "workshop serve",
        "",
        "让参与者用手机作答：在本机运行一个小型网页服务",
    ),
    (
        "workshop serve",
        "bind",
        "监听的地址（0.0.0.0 表示本机所有网络接口）",
    ),
    ("workshop serve", "port", "端口（0 表示自动选一个空闲端口）"),
    (
        "workshop serve",
        "paced",
        "手机最多只能答到投影正在讲的那一节",
    ),
    ("workshop report", "", "写全场报告"),
    (
        "workshop report",
        "named",
        "包含企业名称（否则报告是匿名的）",
    ),
    (
        "workshop report",
        "codes",
        "CSV：只写编码，一行表头（否则编码上方还有一行文字标签）",
    ),
    (
        "compare",
        "",
        "同一企业两次自检之间的进展：得分、台阶、建议、已完成的行动",
    ),
    (
        "compare",
        "before",
        "较早的答卷（T0），只读取 [默认：跟进自检的答卷里 `follows` 记下的那份，只要它还在]",
    ),
    ("compare", "after", "同一企业较晚的答卷（T1）"),
    (
        "compare",
        "questionnaire",
        "两份都用这份问卷打分：内置问卷的名字（见 `smecheck questionnaire --list`）或问卷文件的路径，同名的文件优先 [默认：smecheck]",
    ),
    ("compare", "format", "输出格式"),
    (
        "programme",
        "",
        "同时看多个工作坊：项目报告，或给 DuckDB、Spark 用的扁平导出",
    ),
    (
        "programme report",
        "",
        "多个工作坊文件夹的合计、分布和分组，以及各轮之间的进展；少于三家企业的格子不显示",
    ),
    (
        "programme report",
        "dirs",
        "工作坊文件夹（一个县或一个省的）",
    ),
    (
        "programme export",
        "",
        "每家企业每次评估一条扁平记录，给 DuckDB 或 Spark 用；不含企业名称",
    ),
    ("programme export", "dirs", "工作坊文件夹"),
    ("programme export", "format", "导出格式"),
];

/// The language `--help` speaks: `--lang zh|en` (or `--lang=…`) anywhere on the command line,
/// else the locale, else Chinese — as every command decides.
pub fn lang_of<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        }?;
        clap::ValueEnum::from_str(value, false).ok()
    });
    super::resolve_lang(given)
}

/// The command line as clap builds it, its help in `lang`.
pub fn localized(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Zh => {
            let mut c = zh(command, "");
            // clap adds its `help` subcommand when the command is built: build it, then say
            // that one in Chinese too.
            c.build();
            c.mut_subcommand("help", |h| h.about("显示本帮助，或某个命令的帮助"))
        }
    }
}

/// The Chinese help of `id` (or of the command, for "") in the command at `path`: its own entry,
/// else its family's ("workshop *"), else the one every command shares ("*").
fn chinese(path: &str, id: &str) -> Option<&'static str> {
    let family = format!("{} *", path.split(' ').next().unwrap_or_default());
    let shared = !id.is_empty();
    [path, family.as_str(), "*"]
        .into_iter()
        .take(if shared { 3 } else { 1 })
        .find_map(|p| ZH.iter().find(|(tp, a, _)| *tp == p && *a == id))
        .map(|(_, _, t)| *t)
}

fn zh(mut c: Command, path: &str) -> Command {
    let find = |id: &str| chinese(path, id);
    if let Some(about) = find("") {
        c = c.about(about).long_about(None::<&str>);
    }
    let ids: Vec<(String, bool)> = c
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = find(&id);
        c = c.mut_arg(id.as_str(), |a| {
            // Possible and default values in Chinese words, not clap's English brackets.
            let mut extra = String::new();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() && !a.is_hide_possible_values_set() {
                extra.push_str(&format!("（可选：{}）", values.join("、")));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !a.is_hide_default_value_set() {
                extra.push_str(&format!("（默认：{}）", defaults.join("、")));
            }
            let takes = a.get_action().takes_values();
            let mut a = a.help_heading(if positional { "参数" } else { "选项" });
            if takes {
                a = a.hide_possible_values(true).hide_default_value(true);
            } else {
                extra.clear();
            }
            match help {
                Some(h) => a.help(format!("{h}{extra}")),
                None if !extra.is_empty() => a.help(extra),
                None => a,
            }
        });
    }
    let root = path.is_empty();
    c = c
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        )
        .subcommand_help_heading("命令")
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}");
    if root {
        c = c.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    let names: Vec<String> = c
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if root {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        c = c.mut_subcommand(name.as_str(), |s| zh(s, &sub));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and every argument with English help has its Chinese help in the table,
    /// and the table names nothing that does not exist.
    #[test]
    fn every_help_text_has_its_chinese_one() {
        fn walk(c: &Command, path: &str, seen: &mut Vec<(String, String)>) {
            seen.push((path.to_string(), String::new()));
            if c.get_about().is_some() {
                assert!(chinese(path, "").is_some(), "`{path}` has no Chinese about");
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                seen.push((path.to_string(), id.to_string()));
                if a.get_help().is_some() {
                    assert!(
                        chinese(path, id).is_some(),
                        "`{path} --{id}` has no Chinese help"
                    );
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(s, &p, seen);
            }
        }
        let mut seen = Vec::new();
        walk(&crate::cli::Cli::command(), "", &mut seen);
        for (p, a, t) in ZH {
            assert!(
                seen.iter()
                    .any(|(sp, sa)| sa == a && chinese(sp, sa) == Some(*t)),
                "the table names `{p}` `{a}`, which no command uses"
            );
        }
    }

    #[test]
    fn help_speaks_the_language_asked_for() {
        // clap's own checks, on every subcommand, in both languages.
        localized(crate::cli::Cli::command(), Lang::Zh).debug_assert();
        localized(crate::cli::Cli::command(), Lang::En).debug_assert();
        let os = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(os(&["smecheck", "run", "--lang", "zh"])), Lang::Zh);
        assert_eq!(lang_of(os(&["smecheck", "--lang=en", "--help"])), Lang::En);
        let mut c = localized(crate::cli::Cli::command(), Lang::Zh);
        let help = c.render_help().to_string();
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("开始或继续交互式自检"), "{help}");
        assert!(!help.contains("Usage:"), "{help}");
        let mut c = localized(crate::cli::Cli::command(), Lang::Zh);
        c.build();
        let run = c
            .find_subcommand_mut("run")
            .expect("run")
            .render_help()
            .to_string();
        assert!(run.contains("逐行提问"), "{run}");
        assert!(run.contains("选项"), "{run}");
    }
}
