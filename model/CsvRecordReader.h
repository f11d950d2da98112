#pragma once

#include "CsvFieldMap.h"
#include "Resident.h"
#include "ResidentRowImage.h"
#include "Result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <QHash>
#include <QStringList>
#include <thread>
#include <vector>

namespace wardroll::model {

class CsvReader;

// The part of a CSV import that needs no ward: each data row read, decoded, mapped to a
// Resident (dates parsed, raw JSON of what the record does not give back, see CsvImporter) and
// its stored values (ResidentRowImage), and checked for a source_ref that an earlier row of the
// file already used. That is a third of the importer's work on a large file; with `ahead` it runs
// on a helper thread, batches ahead of the importer, which then only writes. Records come back in
// file order either way.
//
// A batch the importer has finished with goes back to the helper, which frees it: memory is
// released by the thread that allocated it (freeing it on the other thread made glibc's allocator
// contend for its arena and cost more than the overlap gained).
class CsvRecordReader
{
public:
    struct Record
    {
        enum class Kind {
            Resident, // a record to import
            Unreadable, // `problem` says why (bytes that are not UTF-8, a quote never closed)
            WrongColumnCount, // `columns` were found
            RepeatedRef, // resident.sourceRef was first used on `firstLine`
        };
        Kind kind = Kind::Resident;
        qint64 line = 0; // where the row starts, 1-based
        qint64 bytesDone = 0; // of the input, after the row
        QString problem;
        qsizetype columns = 0;
        qint64 firstLine = 0;
        Resident resident;
        ResidentRowImage image; // of `resident`, for Kind::Resident
        QString householdRef;
    };
    using Batch = std::vector<Record>;

    // `reader` has just read `header`. With `ahead`, the reader, its device and `map` belong to
    // the helper thread until this object is destroyed.
    CsvRecordReader(CsvReader& reader, const CsvFieldMap& map, const QStringList& header, bool ahead);
    // Stops the helper (an import that was cancelled or failed).
    ~CsvRecordReader();
    CsvRecordReader(const CsvRecordReader&) = delete;
    CsvRecordReader& operator=(const CsvRecordReader&) = delete;

    // The next records; an empty batch once the input is over. Valid until the next call.
    [[nodiscard]] Result<Batch*> next();

private:
    // Appends the next records to `batch`; false at the end of the input.
    [[nodiscard]] Result<bool> fill(Batch& batch);
    void run();

    CsvReader& m_reader;
    const CsvFieldMap& m_map;
    QStringList m_keys; // the header as unique JSON keys
    qsizetype m_columns = 0;
    std::vector<std::optional<CsvFieldMap::Field>> m_directFields; // by column: the field it alone feeds
    QHash<QString, qint64> m_refLines; // source_ref -> line of its first row

    Batch m_current;
    bool m_inputOver = false;

    // With a helper:
    std::mutex m_mutex;
    std::condition_variable m_wake; // the helper: a batch came back, or stop
    std::condition_variable m_ready; // the importer: a batch was read, or the end
    std::deque<Batch> m_read;
    std::vector<Batch> m_returned; // to be freed and refilled by the helper
    bool m_helperDone = false;
    std::optional<Error> m_error; // the read error that ended the input
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wardroll::model
