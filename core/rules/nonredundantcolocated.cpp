#include "rules/allrules.h"

#include <QVarLengthArray>

namespace td {

namespace {

// Several PureConnect applications without redundancy on one host.
class NonRedundantColocated final : public Rule
{
public:
    NonRedundantColocated()
        : Rule({"non-redundant-colocated", Severity::Warning, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "Non-redundant applications share a host"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "This host runs two or more PureConnect servers that belong to no "
                                  "redundancy group. One host failure then stops several services "
                                  "at once, even in an HA cluster (HA restarts them, it does not "
                                  "keep them running). Spread them over hosts or give them "
                                  "redundant partners."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: avoid multiple "
                                  "non-redundant applications on one server, even in a "
                                  "cluster.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Span<int> on = c.guestsOn(pos);
        if (on.size() < 2)
            return;
        QVarLengthArray<int, 64> lonely;
        for (int g : on) {
            if (!c.inAnyGroup(g) && c.pureConnect(g))
                lonely.append(g);
        }
        if (lonely.size() < 2)
            return;
        const Host &h = c.topology.hosts.at(pos);
        const Span<int> guests(lonely.constData(), lonely.size());
        QStringList subjects = c.guestIds(guests, &h.id.str());
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "Host %1 runs %2, PureConnect servers without "
                                                                "redundancy."),
                                  {h.name, c.guestNames(guests)}),
                        std::move(subjects)));
    }
};

} // namespace

std::unique_ptr<Rule> makeNonRedundantColocated()
{
    return std::make_unique<NonRedundantColocated>();
}

} // namespace td
