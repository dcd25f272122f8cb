//! The cohort report as one self-contained HTML page in the firm report's frame and stylesheet
//! ([`html_page_head`]): styles inline, no scripts, no fonts or
//! images fetched, every piece of text escaped; prints on A4.

use std::io::{self, Write};

use super::doc::{Block, Cell, Doc, FirmRows, Table};
use crate::domain::Lang;

pub use crate::domain::report::html_escape as escape;
use crate::domain::report::{HTML_PAGE_END, html_page_head};

fn cell(c: &Cell, right: bool) -> String {
    let class = if right { " class=\"num\"" } else { "" };
    match c {
        Cell::Text(t) => format!("<td{class}>{}</td>", escape(t)),
        Cell::Bar(share) => {
            let pct = (share.clamp(0.0, 1.0) * 100.0).round();
            format!(
                "<td class=\"share\"><span class=\"track\"><span class=\"bar\" style=\"width:{pct}%\"></span></span>{pct:.0}%</td>"
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
                " class=\"num\""
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
    out.write_all(html_page_head(lang, &doc.title).as_bytes())?;
    writeln!(out, "<header class=\"cover\">")?;
    writeln!(out, "<h1>{}</h1>", escape(&doc.title))?;
    for m in &doc.meta {
        writeln!(out, "<p class=\"eyebrow\">{}</p>", escape(m))?;
    }
    writeln!(out, "</header>")?;
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
    out.write_all(HTML_PAGE_END.as_bytes())
}
