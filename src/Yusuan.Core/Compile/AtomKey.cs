using Yusuan.Core.Model;

namespace Yusuan.Core.Compile;

/// <summary>
/// The finest cross-classification any table needs. Lines that share a key are indistinguishable to every table,
/// so compiling aggregates lines into atoms in one streaming pass: memory grows with distinct keys, not with lines.
/// </summary>
internal readonly record struct AtomKey(
    string Agency,
    FunctionCode Function,
    EconomicCode Economic,
    ExpenditureKind Kind,
    FundSource Fund,
    string Project,
    OfficialExpenseCategory Official,
    ProcurementType Procurement,
    bool Operating) : IComparable<AtomKey>
{
    public int CompareTo(AtomKey other)
    {
        var c = string.CompareOrdinal(Agency, other.Agency);
        if (c == 0)
        {
            c = Function.CompareTo(other.Function);
        }

        if (c == 0)
        {
            c = Kind.CompareTo(other.Kind);
        }

        if (c == 0)
        {
            c = Economic.CompareTo(other.Economic);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Project, other.Project);
        }

        if (c == 0)
        {
            c = Fund.CompareTo(other.Fund);
        }

        if (c == 0)
        {
            c = Official.CompareTo(other.Official);
        }

        if (c == 0)
        {
            c = Procurement.CompareTo(other.Procurement);
        }

        if (c == 0)
        {
            c = Operating.CompareTo(other.Operating);
        }

        return c;
    }
}

/// <summary>The quantities a line carries: its amount and the procurement parts of it.</summary>
internal enum Measure
{
    Amount = 0,
    Procurement = 1,
    Sme = 2,
    Micro = 3,
}
