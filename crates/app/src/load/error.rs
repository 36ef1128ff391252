//! Why a feed could not be loaded, as the UI tells it (a translated summary) and as a publisher
//! needs it (the technical detail).

use kulttuurikartta_core::feed::FeedError;
use kulttuurikartta_explore::config::FeedOverrideRefused;
use kulttuurikartta_explore::i18n::Key;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Http {
        url: String,
        status: u16,
    },
    Network {
        url: String,
        message: String,
    },
    Timeout {
        url: String,
        /// How long it waited.
        secs: u32,
    },
    Feed {
        url: String,
        error: FeedError,
    },
    Refused {
        param: String,
        reason: FeedOverrideRefused,
    },
    /// The server answered with a web page, not a feed (a login page or a captive portal).
    NotAFeed {
        url: String,
        content_type: String,
    },
    /// A later page of a paginated feed failed: the pages before it are shown.
    MissingPage {
        /// 1-based, as a person counts pages.
        number: usize,
        /// How many pages the feed has, when its first page said how many events there are.
        of: Option<usize>,
        error: Box<LoadError>,
    },
    /// A feed led to another site, which was not followed (`kulttuurikartta_explore::config::may_follow`).
    NotFollowed {
        from: String,
        to: String,
        origin: String,
        what: Followed,
    },
}

/// What a feed document pointed at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Followed {
    NextPage,
    Place,
}

impl LoadError {
    /// A translated one-line summary of what kind of failure this is.
    pub fn summary_key(&self) -> Key {
        match self {
            LoadError::Http { .. } => Key::ErrorHttp,
            LoadError::Network { .. } => Key::ErrorNetwork,
            LoadError::Timeout { .. } => Key::ErrorTimeout,
            LoadError::Feed {
                error: FeedError::Empty,
                ..
            } => Key::ErrorFeedEmpty,
            LoadError::Feed {
                error: FeedError::TooLarge { .. },
                ..
            } => Key::ErrorFeedTooLarge,
            LoadError::Feed {
                error: FeedError::NotJson { .. },
                ..
            } => Key::ErrorFeedNotJson,
            LoadError::Feed {
                error: FeedError::UnknownShape { .. },
                ..
            } => Key::ErrorFeedShape,
            LoadError::Refused { .. } => Key::ErrorFeedRefused,
            LoadError::NotAFeed { .. } => Key::ErrorNotAFeed,
            LoadError::MissingPage { .. } => Key::ErrorPageMissing,
            LoadError::NotFollowed { .. } => Key::ErrorNotFollowed,
        }
    }

    /// The technical detail a publisher needs (not translated: it quotes the server and parser).
    pub fn detail(&self) -> String {
        match self {
            LoadError::Http { url, status } => format!("{url}: HTTP {status}"),
            // The browser does not say why a request failed; when the feed is on another site,
            // that site not allowing this app to read it (CORS) is as likely as the network.
            LoadError::Network { url, message } if url.contains("://") => format!(
                "{url}: {message} (the network failed, or the site does not allow this app to \
                 read it: CORS)"
            ),
            LoadError::Network { url, message } => format!("{url}: {message}"),
            LoadError::Timeout { url, secs } => {
                format!("{url}: no complete answer in {secs} s, the request was given up")
            }
            LoadError::NotAFeed { url, content_type } => {
                format!("{url}: the server sent a web page ({content_type}), not a feed: a login page, a network's sign-in page or a wrong address")
            }
            LoadError::Feed { url, error } => format!("{url}: {error}"),
            LoadError::Refused { param, reason } => match reason {
                FeedOverrideRefused::NotAUrl => format!("feed={param}: not an http(s) URL"),
                FeedOverrideRefused::ForeignOrigin(o) => {
                    format!("feed={param}: {o} is not among the allowed feed origins")
                }
            },
            LoadError::MissingPage { number, of, error } => match of {
                Some(of) => format!("page {number}/{of}: {}", error.detail()),
                None => format!("page {number}: {}", error.detail()),
            },
            LoadError::NotFollowed {
                from,
                to,
                origin,
                what,
            } => {
                let what = match what {
                    Followed::NextPage => "next page",
                    Followed::Place => "place",
                };
                format!("{from}: {what} {to} on another site ({origin}) was not followed")
            }
        }
    }

    /// Worth another try: the network or the server may recover; a bad document will not.
    pub(super) fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::Timeout { .. } => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}
