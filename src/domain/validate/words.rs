//! The words of loading and validating a questionnaire, a catalogue or an answer file: the one
//! table of this layer (#10). A `Said` is made from an entry with `Said::fill`.

crate::bilingual! {
    /// After format problems that had to take part of the file out of the reading.
    CHECKS_WAIT = "{}：其余的检查要等以上问题改正之后才会进行", "{}: the remaining checks run once these problems are fixed";
    TOO_LARGE = "{}：文件有 {} 字节，超过了允许的 {} 字节\n  提示：请确认是不是选错了文件",
        "{}: the file is {} bytes, more than the {} bytes accepted\n  hint: check that this is the right file";
}
