#include "PackedId.h"

#include <QHashFunctions>

namespace wardroll::model {

quint64 PackedId::pack(QStringView s)
{
    if (s.isEmpty())
        return 0;
    if (s.size() <= maxDigits) {
        quint64 v = 0;
        bool digits = true;
        for (QChar c : s) {
            if (c < u'0' || c > u'9') {
                digits = false;
                break;
            }
            v = (v << 4) | static_cast<quint64>(c.unicode() - u'0');
        }
        if (digits)
            return v | (static_cast<quint64>(s.size()) << 60);
    }
    // Not a number: a hash with the top nibble 0xF, never 0.
    return (static_cast<quint64>(qHash(s, 0x5bd1e995)) & ((quint64(1) << 60) - 1)) | (quint64(0xF) << 60);
}

} // namespace wardroll::model
