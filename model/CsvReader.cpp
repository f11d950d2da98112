#include "CsvReader.h"

#include <cstring>
#include <QIODevice>

namespace wardroll::model {

namespace {

constexpr qsizetype chunkSize = qsizetype(1) << 20;

inline bool isFieldEnd(char c)
{
    return c == ',' || c == '\n' || c == '\r';
}

// Line breaks inside [begin, end): LF, CRLF and a lone CR each count once.
qint64 countLineBreaks(const char* begin, const char* end)
{
    qint64 lines = 0;
    for (const char* p = begin; p < end; ++p) {
        if (*p == '\n')
            ++lines;
        else if (*p == '\r' && (p + 1 == end || p[1] != '\n'))
            ++lines;
    }
    return lines;
}

} // namespace

CsvReader::CsvReader(QIODevice& device)
    : m_device(device)
{
    if (!device.isSequential())
        m_total = device.size() - device.pos();
}

bool CsvReader::isValidUtf8(const char* bytes, qsizetype size)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes);
    const auto* const e = s + size;
    while (s < e) {
        // Most text is ASCII: check eight bytes at a time.
        while (e - s >= 8) {
            quint64 word;
            std::memcpy(&word, s, 8);
            if (word & 0x8080808080808080ULL)
                break;
            s += 8;
        }
        if (s >= e)
            break;
        const unsigned char c = *s;
        if (c < 0x80) {
            ++s;
            continue;
        }
        // Unicode 15, table 3-7: well-formed UTF-8 byte sequences.
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        int trailing = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            trailing = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            trailing = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            trailing = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (e - s <= trailing)
            return false;
        if (s[1] < lo || s[1] > hi)
            return false;
        for (int i = 2; i <= trailing; ++i) {
            if (s[i] < 0x80 || s[i] > 0xBF)
                return false;
        }
        s += trailing + 1;
    }
    return true;
}

Status CsvReader::fill()
{
    // Drop what has been consumed, then read at least as much as is pending so that a record
    // longer than a chunk is rescanned a logarithmic number of times, not once per chunk.
    if (m_pos > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, static_cast<size_t>(m_size - m_pos));
        m_size -= m_pos;
        m_consumedBefore += m_pos;
        m_pos = 0;
    }
    const qsizetype want = std::max(chunkSize, m_size);
    if (m_buffer.size() < m_size + want)
        m_buffer.resize(m_size + want);
    qint64 got = m_device.read(m_buffer.data() + m_size, want);
    while (got == 0 && m_device.isSequential() && !m_device.atEnd() && m_device.waitForReadyRead(30000))
        got = m_device.read(m_buffer.data() + m_size, want);
    if (got < 0) {
        return Error{Error::Kind::Io, tr("The file could not be read."),
                     tr("after %1 bytes: %2").arg(m_consumedBefore + m_size).arg(m_device.errorString())};
    }
    if (got == 0) {
        m_eof = true;
        if (m_total >= 0 && m_consumedBefore + m_size < m_total) {
            return Error{Error::Kind::Io, tr("The file became shorter while it was being read."),
                         tr("%1 of %2 bytes read").arg(m_consumedBefore + m_size).arg(m_total)};
        }
        return {};
    }
    m_size += static_cast<qsizetype>(got);
    return {};
}

CsvReader::Scan CsvReader::scanRecord(bool atEnd)
{
    const char* const b = m_buffer.constData();
    qsizetype p = m_pos;
    qint64 line = m_line;

    // Blank lines carry no record.
    for (;;) {
        if (p >= m_size) {
            if (!atEnd)
                return Scan::NeedMore;
            m_pos = p;
            m_line = line;
            m_spans.clear();
            return Scan::Complete;
        }
        if (b[p] == '\n') {
            ++p;
        } else if (b[p] == '\r') {
            if (p + 1 < m_size)
                p += b[p + 1] == '\n' ? 2 : 1;
            else if (atEnd)
                ++p;
            else
                return Scan::NeedMore;
        } else {
            break;
        }
        ++line;
        m_pos = p;
        m_line = line;
    }

    m_spans.clear();
    m_unterminated = false;
    m_recordBegin = p;
    m_recordLine = line;
    for (;;) {
        qsizetype q = p;
        while (q < m_size && (b[q] == ' ' || b[q] == '\t'))
            ++q;
        if (q >= m_size && !atEnd)
            return Scan::NeedMore;
        qsizetype r;
        if (q < m_size && b[q] == '"') {
            const qsizetype begin = q + 1;
            r = begin;
            for (;;) {
                const void* hit
                    = r < m_size ? std::memchr(b + r, '"', static_cast<size_t>(m_size - r)) : nullptr;
                if (!hit) {
                    if (!atEnd)
                        return Scan::NeedMore;
                    m_unterminated = true;
                    r = m_size;
                    break;
                }
                r = static_cast<const char*>(hit) - b;
                if (r + 1 >= m_size) {
                    if (!atEnd)
                        return Scan::NeedMore;
                    ++r;
                    break;
                }
                if (b[r + 1] == '"') {
                    r += 2;
                    continue;
                }
                ++r;
                break;
            }
            line += countLineBreaks(b + begin, b + r);
            while (r < m_size && !isFieldEnd(b[r]))
                ++r;
            if (r >= m_size && !atEnd)
                return Scan::NeedMore;
            m_spans.append(Span{begin, r, true});
        } else {
            r = p;
            while (r < m_size && !isFieldEnd(b[r]))
                ++r;
            if (r >= m_size && !atEnd)
                return Scan::NeedMore;
            m_spans.append(Span{p, r, false});
        }
        p = r;
        if (p >= m_size) {
            m_recordEnd = p;
            break;
        }
        if (b[p] == ',') {
            ++p;
            continue;
        }
        m_recordEnd = p;
        if (b[p] == '\r') {
            if (p + 1 < m_size)
                p += b[p + 1] == '\n' ? 2 : 1;
            else if (atEnd)
                ++p;
            else
                return Scan::NeedMore;
        } else {
            ++p;
        }
        ++line;
        break;
    }
    m_pos = p;
    m_line = line;
    return Scan::Complete;
}

void CsvReader::decodeRecord()
{
    const char* const b = m_buffer.constData();
    m_fields.resize(m_spans.size());
    QByteArray scratch;
    for (qsizetype i = 0; i < m_spans.size(); ++i) {
        const Span& span = m_spans[i];
        if (!span.quoted) {
            m_fields[i] = QString::fromUtf8(b + span.begin, span.end - span.begin);
            continue;
        }
        // Between the quotes "" stands for one quote; text after the closing quote is kept. Copied
        // a run at a time: appending byte by byte was 4% of a large import's reading.
        scratch.clear();
        qsizetype p = span.begin;
        while (p < span.end) {
            const void* quote = std::memchr(b + p, '"', static_cast<size_t>(span.end - p));
            const qsizetype runEnd = quote ? static_cast<const char*>(quote) - b : span.end;
            scratch.append(b + p, runEnd - p);
            if (runEnd + 1 < span.end && b[runEnd + 1] == '"') {
                scratch.append('"');
                p = runEnd + 2;
                continue;
            }
            // The closing quote (or the end of the span): what follows it is kept as written.
            if (runEnd + 1 < span.end)
                scratch.append(b + runEnd + 1, span.end - runEnd - 1);
            break;
        }
        m_fields[i] = QString::fromUtf8(scratch);
    }

    m_problem.clear();
    if (m_unterminated) {
        m_problem = tr("a quoted field opened on this line is never closed");
    } else if (!isValidUtf8(b + m_recordBegin, m_recordEnd - m_recordBegin)) {
        qsizetype column = 0;
        while (column < m_spans.size()
               && isValidUtf8(b + m_spans[column].begin, m_spans[column].end - m_spans[column].begin))
            ++column;
        m_problem = tr("column %1 is not valid UTF-8 text (the file may use an older Vietnamese "
                       "encoding)")
                        .arg(column + 1);
    }
}

Result<bool> CsvReader::readNext()
{
    if (!m_started) {
        m_started = true;
        while (!m_eof && m_size < 3) {
            if (auto status = fill(); !status.ok())
                return status.error();
        }
        if (m_size >= 3 && std::memcmp(m_buffer.constData(), "\xEF\xBB\xBF", 3) == 0)
            m_pos = 3;
    }
    for (;;) {
        if (scanRecord(m_eof) == Scan::Complete) {
            if (m_spans.isEmpty()) {
                m_fields.clear();
                m_problem.clear();
                return false;
            }
            decodeRecord();
            return true;
        }
        if (auto status = fill(); !status.ok())
            return status.error();
    }
}

} // namespace wardroll::model
