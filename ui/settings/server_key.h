// The server's API key: a secret, so it is kept neither in QSettings (a plain config
// file, often synced or backed up) nor in any log, but in a file of its own that only
// the writer can read (0600, in a 0700 folder): Inkling's data folder/server-key.
#pragma once

#include <QString>

namespace inkling {

// Where the key is kept (AppDataLocation/server-key).
QString serverKeyPath();
// The stored key; empty when there is none or it cannot be read.
QString loadServerKey();
// Stores key (empty: removes the file). False when it could not be written privately.
bool saveServerKey(const QString &key);

} // namespace inkling
