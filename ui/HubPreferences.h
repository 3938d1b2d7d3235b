// Where the app downloads models from and where it keeps them, as the Settings dialog's "Model hub" group
// edits them: a mirror endpoint, an access token and the cache folder. Empty values mean "as huggingface_hub
// would do it here" (HF_ENDPOINT, HF_TOKEN / $HF_HOME/token, HF_HUB_CACHE ...). The endpoint and cache folder
// live in the ini; the token never does: it is kept in its own file, <AppConfigLocation>/hub-token, readable by
// its owner only, and never logged.
#pragma once
#include "hub/HubSettings.h"

#include <QString>

namespace i2v::ui {

struct HubPreferences {
    QString endpoint;   // empty = $HF_ENDPOINT, else https://huggingface.co
    QString token;      // empty = HF_TOKEN, HUGGING_FACE_HUB_TOKEN or $HF_HOME/token, else anonymous
    QString cacheDir;   // empty = hub::HubSettings::defaultCacheDir()

    bool operator==(const HubPreferences& o) const {
        return endpoint == o.endpoint && token == o.token && cacheDir == o.cacheDir;
    }
    bool operator!=(const HubPreferences& o) const { return !(*this == o); }

    // The settings a download uses: the environment's (HubSettings::fromEnvironment()), with every non-empty
    // value above taking its place.
    hub::HubSettings toHubSettings() const;

    // <AppConfigLocation>/hub-token.
    static QString tokenFilePath();
    // The stored token, empty when there is none.
    static QString readToken();
    // Stores `token` (trimmed) with permissions 0600, or removes the file when it is empty. Returns an error
    // message saying what failed, empty on success.
    static QString writeToken(const QString& token);
};

} // namespace i2v::ui
