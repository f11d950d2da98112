#pragma once

#include "ScopedPragma.h"

namespace wardroll::model {

class SqlConnection;

// For its lifetime, lets SQLite sort large index builds on helper threads. SQLite sorts an
// index's keys in one piece on the calling thread when they fit in the page cache, and always
// while temporary files are kept in memory (the ward's temp_store). With file-backed temporary
// storage and pieces of a few MB, helper threads (PRAGMA threads) sort each piece while the table
// is still being read, then merge them: on 1M residents the six sort indexes took 6.8 s instead
// of 15.7 s. The table is read through the page cache rather than the ward's memory map: each
// build scans the whole table, and the first scan through a fresh map faulted in every page
// (1M residents: the first index took 1.22-1.26 s mapped, 0.83-0.86 s read). The connection's
// own settings come back when the scope ends.
class ParallelSort
{
public:
    explicit ParallelSort(SqlConnection& connection);

private:
    static constexpr qint64 pieceKiB = 4096;
    ScopedPragma m_files;
    ScopedPragma m_pieces;
    ScopedPragma m_sorters;
    ScopedPragma m_reads;
};

} // namespace wardroll::model
