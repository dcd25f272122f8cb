//! Roles: which area, finding or profile field of a questionnaire plays a part that screens and
//! reports single out (cloud depth, financing readiness, "broad but shallow", the firm's name),
//! declared in the questionnaire so no shell needs to know its ids.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{AreaId, FindingId, Questionnaire};

/// The parts a questionnaire may single out. Every role is optional: a view that needs a role
/// the questionnaire does not declare is left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// The area that measures how deeply the firm uses cloud tools (its levels are shown beside
    /// financing in a workshop, and it names what to bring to the next session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_depth: Option<AreaId>,
    /// The area that measures how ready the firm is for financing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<AreaId>,
    /// The finding that the firm uses many kinds of tools but none deeply; a room counts it
    /// apart and a cohort report lists it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breadth_vs_depth: Option<FindingId>,
    /// The free-text profile field holding the firm's name: private unless a facilitator asks
    /// for names, and the report's title when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm_name: Option<String>,
}

/// One role, for [`Questionnaire::role`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    CloudDepth,
    Financing,
    BreadthVsDepth,
    FirmName,
}

impl Roles {
    pub fn is_empty(&self) -> bool {
        *self == Roles::default()
    }
}

impl Questionnaire {
    /// The id of the area, finding or profile field that plays `role`, if the questionnaire
    /// declares one that exists. Shells ask this instead of knowing ids.
    pub fn role(&self, role: Role) -> Option<&str> {
        let r = &self.roles;
        match role {
            Role::CloudDepth => self.role_area(&r.cloud_depth),
            Role::Financing => self.role_area(&r.financing),
            Role::BreadthVsDepth => r
                .breadth_vs_depth
                .as_ref()
                .filter(|id| self.findings.iter().any(|f| &f.id == *id))
                .map(FindingId::as_str),
            Role::FirmName => r
                .firm_name
                .as_deref()
                .filter(|id| self.profile.iter().any(|f| f.id == *id)),
        }
    }

    fn role_area<'a>(&'a self, id: &'a Option<AreaId>) -> Option<&'a str> {
        id.as_ref()
            .filter(|id| self.area(id).is_some())
            .map(AreaId::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Instrument;

    fn shipped() -> Questionnaire {
        Instrument::builtin()
            .expect("built-in questionnaire")
            .questionnaire
    }

    #[test]
    fn the_shipped_questionnaire_declares_every_role() {
        let q = shipped();
        for role in [
            Role::CloudDepth,
            Role::Financing,
            Role::BreadthVsDepth,
            Role::FirmName,
        ] {
            assert!(q.role(role).is_some(), "{role:?}");
        }
        let cloud = q.role(Role::CloudDepth).expect("declared");
        assert!(q.area(&cloud.into()).is_some());
        let name = q.role(Role::FirmName).expect("declared");
        let field = q.profile.iter().find(|f| f.id == name).expect("a field");
        assert!(field.options.is_empty(), "the name is free text");
        let shallow = q.role(Role::BreadthVsDepth).expect("declared");
        assert!(q.findings.iter().any(|f| f.id == shallow));
    }

    #[test]
    fn an_undeclared_or_dangling_role_is_none() {
        let mut q = shipped();
        q.roles.financing = None;
        q.roles.cloud_depth = Some(AreaId::from("nowhere"));
        assert_eq!(q.role(Role::Financing), None);
        assert_eq!(q.role(Role::CloudDepth), None);
        q.roles = Roles::default();
        assert!(q.roles.is_empty());
        assert_eq!(q.role(Role::FirmName), None);
        assert_eq!(q.role(Role::BreadthVsDepth), None);
    }
}
