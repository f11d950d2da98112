#include "ParallelSort.h"

#include <algorithm>
#include <QThread>

namespace wardroll::model {

ParallelSort::ParallelSort(SqlConnection& connection)
    : m_files(connection, QStringLiteral("temp_store"), 1) // FILE
    , m_pieces(connection, QStringLiteral("cache_size"), -pieceKiB)
    , m_sorters(connection, QStringLiteral("threads"), std::max(1, QThread::idealThreadCount()))
    , m_reads(connection, QStringLiteral("mmap_size"), 0)
{
}

} // namespace wardroll::model
