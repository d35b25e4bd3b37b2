#include "rules/allrules.h"

namespace td {

namespace {

class CapacityCpu final : public Rule
{
public:
    CapacityCpu()
        : Rule({"capacity-cpu", Severity::Warning, Scope::Host, QT_TRANSLATE_NOOP("td::Rule", "More vCPUs than cores"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "The guests on this host have more virtual CPUs in total than the host has physical "
                                  "cores. Real-time media and call control suffer from CPU overcommit (ready time, "
                                  "jitter). Keep the vCPU total at or below the physical cores for PureConnect hosts."),
                QT_TRANSLATE_NOOP("td::Rule", "Real-time media and call control suffer from CPU overcommit.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Host &h = c.topology.hosts.at(pos);
        if (h.cores <= 0)
            return;
        qint64 total = 0;
        for (int g : c.index.guestsOnHost(pos))
            total += c.topology.guests.at(g).vcpu;
        if (total <= h.cores)
            return;
        out.append(make(c.chainedMessage(QT_TRANSLATE_NOOP("td::Rule", "The guests on host %1 have %2 vCPUs; the "
                                                                       "host has %3 cores."),
                                         {h.name, RuleContext::Number(total), RuleContext::Number(h.cores)}),
                        {h.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeCapacityCpu()
{
    return std::make_unique<CapacityCpu>();
}

} // namespace td
