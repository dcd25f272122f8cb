//! The interactive self-check.
use crate::cli::RunArgs;
pub fn start(_args: &RunArgs) -> anyhow::Result<()> {
    anyhow::bail!("interactive mode is being built")
}
