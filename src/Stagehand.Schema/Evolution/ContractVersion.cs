using System;
using System.Globalization;

namespace Stagehand.Schema.Evolution;

/// <summary>The bump a set of changes needs, in the order of their weight.</summary>
internal enum VersionBump
{
    /// <summary>Nothing a client or server can tell.</summary>
    None,

    /// <summary>A correction: documentation, deprecation, a response that promises more than before.</summary>
    Patch,

    /// <summary>A capability a newer client may rely on: a new member, a new contract, a request that accepts more.</summary>
    Minor,

    /// <summary>A break: a client or server released before the change meets a value the other side now refuses.</summary>
    Major,
}

/// <summary>A contract version, MAJOR.MINOR.PATCH (a pre-release or build suffix is kept but not compared).</summary>
internal readonly record struct ContractVersion(int Major, int Minor, int Patch)
{
    public static bool TryParse(string? text, out ContractVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var core = text.Split(new[] { '-', '+' }, 2)[0];
        var parts = core.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        version = new ContractVersion(major, minor, patch);
        return true;
    }

    /// <summary>The bump from <paramref name="earlier"/> to this version: none when equal (or lower).</summary>
    public VersionBump BumpFrom(ContractVersion earlier) =>
        Major != earlier.Major ? (Major > earlier.Major ? VersionBump.Major : VersionBump.None)
        : Minor != earlier.Minor ? (Minor > earlier.Minor ? VersionBump.Minor : VersionBump.None)
        : Patch > earlier.Patch ? VersionBump.Patch : VersionBump.None;

    /// <summary>The smallest version after this one that carries <paramref name="bump"/>.</summary>
    public ContractVersion After(VersionBump bump) => bump switch
    {
        VersionBump.Major => new ContractVersion(Major + 1, 0, 0),
        VersionBump.Minor => new ContractVersion(Major, Minor + 1, 0),
        VersionBump.Patch => new ContractVersion(Major, Minor, Patch + 1),
        _ => this,
    };

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", Major, Minor, Patch);
}
