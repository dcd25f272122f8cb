//! The cohort report as one self-contained HTML page: styles inline, no scripts, no fonts or
//! images fetched, every piece of text escaped; prints on A4.

use std::io::{self, Write};

use super::doc::{Block, Cell, Doc, FirmRows, Table};
use crate::domain::Lang;

pub use crate::domain::report::html_escape as escape;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,\"Segoe UI\",\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}\
h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}\
.meta{color:#444;margin:0}.note{color:#555;font-size:.9rem;border-left:3px solid #bbb;padding-left:.6rem}\
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top}\
th{background:#f2f2f2}td.r,th.r{text-align:right}\
.bar{display:inline-block;height:.75rem;background:#3a7bd5;vertical-align:middle;margin-right:.4rem}\
.track{display:inline-block;width:8rem;background:#e6e6e6;vertical-align:middle;margin-right:.4rem}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}.bar{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
@page{size:A4;margin:15mm}";

fn cell(c: &Cell, right: bool) -> String {
    let class = if right { " class=\"r\"" } else { "" };
    match c {
        Cell::Text(t) => format!("<td{class}>{}</td>", escape(t)),
        Cell::Bar(share) => {
            let pct = (share.clamp(0.0, 1.0) * 100.0).round();
            format!(
                "<td><span class=\"track\"><span class=\"bar\" style=\"width:{pct}%\"></span></span>{pct:.0}%</td>"
            )
        }
    }
}

fn cells(t: &Table, row: &[Cell]) -> String {
    row.iter()
        .enumerate()
        .map(|(i, c)| cell(c, t.right.get(i).copied().unwrap_or(false)))
        .collect()
}

fn table_head(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<table>")?;
    let head: String = t
        .head
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let class = if t.right.get(i).copied().unwrap_or(false) {
                " class=\"r\""
            } else {
                ""
            };
            format!("<th{class}>{}</th>", escape(h))
        })
        .collect();
    writeln!(out, "<thead><tr>{head}</tr></thead>")?;
    writeln!(out, "<tbody>")
}

pub fn write(doc: &Doc, lang: Lang, firm_rows: FirmRows, out: &mut dyn Write) -> io::Result<()> {
    let code = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{code}\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&doc.title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{}</h1>", escape(&doc.title))?;
    for m in &doc.meta {
        writeln!(out, "<p class=\"meta\">{}</p>", escape(m))?;
    }
    for n in &doc.notes {
        writeln!(out, "<p class=\"note\">{}</p>", escape(n))?;
    }
    for s in &doc.sections {
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>{}</h2>", escape(&s.heading))?;
        for b in &s.blocks {
            match b {
                Block::Para(p) => writeln!(out, "<p>{}</p>", escape(p))?,
                Block::Sub(h) => writeln!(out, "<h3>{}</h3>", escape(h))?,
                Block::List(items) => {
                    writeln!(out, "<ul>")?;
                    for i in items {
                        writeln!(out, "<li>{}</li>", escape(i))?;
                    }
                    writeln!(out, "</ul>")?;
                }
                Block::Table(t) => {
                    table_head(t, out)?;
                    for row in &t.rows {
                        writeln!(out, "<tr>{}</tr>", cells(t, row))?;
                    }
                    writeln!(out, "</tbody>")?;
                    writeln!(out, "</table>")?;
                }
                Block::Firms(t) => {
                    table_head(t, out)?;
                    firm_rows(&mut |row| writeln!(out, "<tr>{}</tr>", cells(t, &row)))?;
                    writeln!(out, "</tbody>")?;
                    writeln!(out, "</table>")?;
                }
            }
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    Ok(())
}
