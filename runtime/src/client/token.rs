//! Where the client's bearer tokens come from. Users bring their own OAuth crate and wrap it
//! in a [`TokenSource`]; [`StaticToken`] serves a token obtained elsewhere.

use std::future::Future;
use std::pin::Pin;

/// Why a token could not be had: whatever the user's token source says.
pub type TokenError = Box<dyn std::error::Error + Send + Sync>;

/// What [`TokenSource::token`] returns: a future of the token.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, TokenError>> + Send + 'a>>;

/// Gives the access token for each request (without `Bearer `). Asked once per request
/// attempt, so a source that caches and refreshes its token keeps long programs signed in.
///
/// ```
/// use graph_docs_runtime::client::{TokenFuture, TokenSource};
/// struct FromEnvironment;
/// impl TokenSource for FromEnvironment {
///     fn token(&self) -> TokenFuture<'_> {
///         Box::pin(async { Ok(std::env::var("GRAPH_TOKEN")?) })
///     }
/// }
/// ```
pub trait TokenSource: Send + Sync {
    fn token(&self) -> TokenFuture<'_>;
}

/// One token for every request: one obtained by hand (Graph Explorer, `az account
/// get-access-token`) or by the caller's own OAuth flow.
#[derive(Clone)]
pub struct StaticToken(String);

impl StaticToken {
    pub fn new(token: impl Into<String>) -> Self {
        StaticToken(token.into())
    }
}

impl std::fmt::Debug for StaticToken {
    // A token is a secret: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StaticToken(..)")
    }
}

impl TokenSource for StaticToken {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(std::future::ready(Ok(self.0.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_token_is_never_printed() {
        assert_eq!(
            format!("{:?}", StaticToken::new("secret")),
            "StaticToken(..)"
        );
    }
}
