#pragma once

#include "ScopedPragma.h"
#include "WriteBehind.h"

#include <optional>

namespace wardroll::model {

class SqlConnection;

// A bulk load (import, demo) writes most pages of a large ward in one transaction. In WAL mode
// each page is written to the WAL and again into the ward at checkpoint, and once the
// transaction outgrows the page cache every page read searches a WAL index that keeps growing:
// a 1M-resident load slowed down far more than tenfold against 100k. While it is alive, this
// scope runs the connection with a rollback journal (pages added past the end of the file are
// not journaled at all) and a larger page cache, and puts WAL back when it ends.
//
// SQLite only leaves WAL when no other connection has the ward open; when one has (the desktop
// reads while its import runs on a worker), the switch is refused and the load simply runs in
// WAL. A process killed during the load leaves a hot rollback journal that the next open rolls
// back before WardDatabase turns WAL on again.
class BulkLoadJournal
{
public:
    // Call outside a transaction.
    explicit BulkLoadJournal(SqlConnection& connection);
    ~BulkLoadJournal();
    BulkLoadJournal(const BulkLoadJournal&) = delete;
    BulkLoadJournal& operator=(const BulkLoadJournal&) = delete;

    [[nodiscard]] bool active() const { return m_active; }
    // The load is about to commit: COMMIT writes and syncs what is left itself, so the
    // write-behind helper stops now rather than when the scope ends (waiting for it there held
    // the end of a 1M load ~0.4 s).
    void beforeCommit();

private:
    SqlConnection& m_connection;
    bool m_active = false;
    std::optional<ScopedPragma> m_cacheSize;
    std::optional<ScopedPragma> m_threads;
    std::optional<WriteBehind> m_writeBehind;
};

} // namespace wardroll::model
