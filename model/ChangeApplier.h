#pragma once

#include "ChangeSet.h"
#include "Result.h"
#include "SqlStatement.h"

#include <limits>
#include <memory>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <unordered_map>

namespace wardroll::model {

class WardDatabase;
class WardStore;

// The cells each outbox entry touched ("table\x1frow\x1fcolumn", column "*" = the whole
// row), by outbox sequence: decoded once and kept across the pages of one pull.
using LocalEditCache = QHash<qint64, QStringList>;

// Applies changes that came from the hub to the ward, inside the caller's SqlTransaction opened
// with ChangeCapture::Off (they are not this device's edits and must not be sent back).
// Local edits stay on top: a cell this device edited is left alone by a hub change that the hub
// ordered before that edit (the edit is later in the log, or not accepted yet: unsynced outbox
// entries, refused ones included). Columns this build does not know (a newer schema) are
// skipped; the derived search columns of touched residents are recomputed by finish().
class ChangeApplier
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ChangeApplier)
public:
    // Where a local edit the hub has not accepted stands in the hub's order: after everything.
    static constexpr qint64 notYetOrdered = std::numeric_limits<qint64>::max();
    // A change applied without a position: after everything the hub ordered.
    static constexpr qint64 endOfLog = notYetOrdered - 1;

    // `cache` (optional) outlives the applier to spare decoding the outbox again per page.
    explicit ChangeApplier(WardDatabase& ward, LocalEditCache* cache = nullptr);
    ~ChangeApplier();
    ChangeApplier(const ChangeApplier&) = delete;
    ChangeApplier& operator=(const ChangeApplier&) = delete;

    // Reads this device's edits that still matter once the log up to `cursor` is applied:
    // unsynced ones, and acknowledged ones the hub ordered after `cursor`. Call once per
    // transaction, before apply().
    [[nodiscard]] Status loadLocalEdits(qint64 cursor);
    // Applies `change`, which the hub ordered at `position` (its global sequence number):
    // Insert/Update set the columns of `after` (creating the row when missing); Delete removes it.
    [[nodiscard]] Status apply(const RowChange& change, qint64 position = endOfLog);
    // Recomputes the derived columns of every resident touched since loadLocalEdits().
    [[nodiscard]] Status finish();

    // Cells kept because of a local edit, and row changes that could not be applied.
    [[nodiscard]] int keptLocal() const { return m_keptLocal; }
    [[nodiscard]] int skippedRows() const { return m_skippedRows; }
    // Whether a local edit of the cell comes after `position` in the hub's order (known once
    // apply() has run).
    [[nodiscard]] bool hasLocalEdit(const QString& table, const QString& rowId, const QString& column,
                                    qint64 position = endOfLog) const;

private:
    [[nodiscard]] Status readLocalEdits();
    [[nodiscard]] Result<bool> rowExists(const QString& table, const QString& rowId);
    // Statements are built from the columns a change names; the same shapes recur, so each is
    // prepared once per applier.
    [[nodiscard]] Result<SqlStatement*> statement(const QString& sql);
    WardDatabase& m_ward;
    std::unique_ptr<WardStore> m_store;
    LocalEditCache m_ownCache;
    LocalEditCache* m_cache;
    QHash<QString, qint64> m_localCells; // cell → the hub position of its latest local edit
    qint64 m_cursor = 0;
    bool m_loaded = true; // nothing to read before loadLocalEdits()
    QSet<QString> m_touchedResidents;
    QHash<QString, QSet<QString>> m_knownColumns; // by table: what this build's schema has
    std::unordered_map<QString, SqlStatement> m_statements;
    int m_keptLocal = 0;
    int m_skippedRows = 0;
};

} // namespace wardroll::model
