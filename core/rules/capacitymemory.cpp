#include "rules/allrules.h"

namespace td {

namespace {

class CapacityMemory final : public Rule
{
public:
    CapacityMemory()
        : Rule(
            {"capacity-memory", Severity::Error, Scope::Host,
             QT_TRANSLATE_NOOP("td::Rule", "Guests need more memory than the host has"),
             QT_TRANSLATE_NOOP("td::Rule",
                               "The memory configured for the guests on this host adds up to more than the host's "
                               "physical memory. They cannot all run with their full reservation; the hypervisor swaps "
                               "or ballooning starves real-time work. Move guests to other hosts or add memory."),
             QT_TRANSLATE_NOOP("td::Rule", "Physical capacity.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Host &h = c.topology.hosts.at(pos);
        if (h.memoryGb <= 0)
            return;
        qint64 total = 0;
        for (int g : c.index.guestsOnHost(pos))
            total += c.topology.guests.at(g).memoryGb;
        if (total <= h.memoryGb)
            return;
        out.append(make(c.chainedMessage(QT_TRANSLATE_NOOP("td::Rule", "The guests on host %1 need %2 GB of memory; "
                                                                       "the host has %3 GB."),
                                         {h.name, RuleContext::Number(total), RuleContext::Number(h.memoryGb)}),
                        {h.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeCapacityMemory()
{
    return std::make_unique<CapacityMemory>();
}

} // namespace td
