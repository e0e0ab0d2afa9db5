//! Service roots: the global service and the national clouds.

/// The global service, version 1.0.
pub const V1: &str = "https://graph.microsoft.com/v1.0";
/// The global service, beta.
pub const BETA: &str = "https://graph.microsoft.com/beta";

/// Where Graph is served: the global service and the national clouds, each with its own host
/// (and its own sign-in authority, which is the token source's business).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cloud {
    Global,
    /// US Government L4.
    UsGov,
    /// US Government L5 (DOD).
    UsGovDod,
    /// China, operated by 21Vianet.
    China,
}

impl Cloud {
    pub fn host(self) -> &'static str {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::UsGov => "https://graph.microsoft.us",
            Cloud::UsGovDod => "https://dod-graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
    }

    /// The service root of `version` (`"v1.0"`, `"beta"`) in this cloud.
    pub fn root(self, version: &str) -> String {
        format!("{}/{}", self.host(), version.trim_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots() {
        assert_eq!(Cloud::Global.root("v1.0"), V1);
        assert_eq!(Cloud::Global.root("/beta/"), BETA);
        assert_eq!(
            Cloud::China.root("v1.0"),
            "https://microsoftgraph.chinacloudapi.cn/v1.0"
        );
    }
}
