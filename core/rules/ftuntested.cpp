#include "rules/allrules.h"

namespace td {

namespace {

class FtUntested final : public Rule
{
public:
    FtUntested()
        : Rule({"ft-untested", Severity::Info, Scope::Guest,
                QT_TRANSLATE_NOOP("td::Rule", "Fault Tolerance not analysed by the vendor"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "The vendor has not analysed PureConnect products under vSphere Fault Tolerance; its "
                                  "lock-step execution adds latency to every network and disk write, which matters for "
                                  "real-time media and call control. Test the product under FT at production load "
                                  "before relying on it."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: FT has not been analysed; test before "
                                  "production.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!g.ft || !c.vsphere() || !c.pureConnect(pos))
            return;
        out.append(make(tr("%1 (%2) runs with Fault Tolerance, which the vendor has not analysed; "
                           "test it before production.")
                            .arg(g.name, c.product(pos)->name),
                        {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtUntested()
{
    return std::make_unique<FtUntested>();
}

} // namespace td
