//! Why the store refused a file, said in the user's language. A refusal travels inside an
//! `io::Error` (so every caller's error type stays as it is) and is put into words by
//! [`explain`]; other I/O errors keep the system's wording.

use std::fmt;
use std::io;

use crate::domain::Lang;

/// What sits at a path that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Pipe,
    Socket,
    Device,
    Other,
}

/// A file the store will not read or write, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Only regular files are read or replaced.
    NotRegular(Kind),
    /// A symbolic link where links are not followed (a shared workshop folder).
    Link,
    /// Links that lead round in a circle.
    LinkLoop,
    /// Larger than any file of its kind can be.
    TooLarge { size: u64, max: usize },
}

crate::bilingual! {
    K_FOLDER = "文件夹", "folder";
    K_PIPE = "管道（FIFO）", "pipe (FIFO)";
    K_SOCKET = "套接字", "socket";
    K_DEVICE = "设备文件", "device";
    K_OTHER = "特殊文件", "special file";
    NOT_REGULAR = "这是一个{}，不是普通文件；smecheck 只读写普通文件，不会替换它", "this is a {}, not a regular file; smecheck reads and writes only regular files and will not replace it";
    LINK = "这是一个符号链接；在共享文件夹里不跟随链接，以免写到别处", "this is a symbolic link; links are not followed in a shared folder, so that nothing is written elsewhere";
    LINK_LOOP = "符号链接绕成了一个圈，找不到真正的文件", "the symbolic links go round in a circle; there is no real file at the end";
    TOO_LARGE = "文件有 {} 字节，超过上限 {} 字节，没有读取", "the file has {} bytes, more than the limit of {}; it was not read";
}

impl Kind {
    fn word(self) -> crate::domain::text::Bilingual {
        match self {
            Kind::Folder => K_FOLDER,
            Kind::Pipe => K_PIPE,
            Kind::Socket => K_SOCKET,
            Kind::Device => K_DEVICE,
            Kind::Other => K_OTHER,
        }
    }
}

impl Refusal {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Refusal::NotRegular(kind) => NOT_REGULAR.fill(lang, &[&kind.word().get(lang)]),
            Refusal::Link => LINK.get(lang).to_string(),
            Refusal::LinkLoop => LINK_LOOP.get(lang).to_string(),
            Refusal::TooLarge { size, max } => TOO_LARGE.fill(lang, &[size, max]),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// An `io::Error` carrying a refusal.
pub fn refused(r: Refusal) -> io::Error {
    let kind = match r {
        Refusal::TooLarge { .. } => io::ErrorKind::InvalidData,
        _ => io::ErrorKind::InvalidInput,
    };
    io::Error::new(kind, r)
}

/// A path as it may be printed in a message: no control or bidi character in a file name
/// reaches the terminal.
pub fn shown(path: &std::path::Path) -> String {
    crate::domain::text::display_safe(&path.display().to_string()).into_owned()
}

/// An I/O error from the store in `lang`: a refusal in our words, anything else as the system
/// says it. Text from the system may carry a path, so it is made safe to print.
pub fn explain(e: &io::Error, lang: Lang) -> String {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
    {
        Some(r) => r.say(lang),
        None => crate::domain::text::display_safe(&e.to_string()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_said_in_both_languages() {
        let e = refused(Refusal::NotRegular(Kind::Device));
        assert!(explain(&e, Lang::En).contains("a device, not a regular file"));
        assert!(explain(&e, Lang::Zh).contains("设备文件，不是普通文件"));
        let other = io::Error::other("disk full\u{1b}[2J");
        assert_eq!(explain(&other, Lang::En), "disk full\u{FFFD}[2J");
    }
}
