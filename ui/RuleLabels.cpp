#include "RuleLabels.h"

namespace wardroll::ui {

QString RuleLabels::label(const QString& rule)
{
    struct Entry
    {
        const char* code;
        const char* text;
    };
    static constexpr Entry entries[] = {
        {"id.format", QT_TR_NOOP("Personal ID malformed")},
        {"id.prefix", QT_TR_NOOP("Unknown personal ID prefix")},
        {"id.sex_century", QT_TR_NOOP("Personal ID contradicts sex or century")},
        {"id.birth_year", QT_TR_NOOP("Personal ID contradicts year of birth")},
        {"id.shared", QT_TR_NOOP("Personal ID used by several people")},
        {"id.missing", QT_TR_NOOP("Personal ID missing")},
        {"date.invalid", QT_TR_NOOP("Impossible date")},
        {"date.future", QT_TR_NOOP("Date in the future")},
        {"date.age", QT_TR_NOOP("Implausible age")},
        {"date.death_before_birth", QT_TR_NOOP("Death before birth")},
        {"name.format", QT_TR_NOOP("Name written irregularly")},
        {"name.chars", QT_TR_NOOP("Invalid characters in name")},
        {"required.missing", QT_TR_NOOP("Mandatory fields missing")},
        {"status.deceased_listed", QT_TR_NOOP("Deceased person still listed")},
        {"address.legacy_unit", QT_TR_NOOP("Address in an abolished unit")},
        {"address.unknown_unit", QT_TR_NOOP("Unknown administrative unit")},
        {"household.no_head", QT_TR_NOOP("Household without a head")},
        {"household.many_heads", QT_TR_NOOP("Household with several heads")},
        {"household.spouse_count", QT_TR_NOOP("Head with more than one spouse")},
        {"household.relation_sex", QT_TR_NOOP("Relationship contradicts sex")},
        {"household.relation_age", QT_TR_NOOP("Relationship contradicts ages")},
        {"household.marriage_age", QT_TR_NOOP("Spouse under the legal marriage age")},
        {"dup.probable", QT_TR_NOOP("Probable duplicate")},
        {"dup.possible", QT_TR_NOOP("Possible duplicate")},
    };
    for (const Entry& entry : entries)
        if (rule == QLatin1String(entry.code))
            return tr(entry.text);
    return rule;
}

} // namespace wardroll::ui
