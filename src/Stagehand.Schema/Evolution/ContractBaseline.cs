using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Stagehand.Schema.Evolution;

/// <summary>A finding the project accepts without a version bump, with the reason it must give.</summary>
internal sealed record IgnoredChange(string Contract, string Path, string Aspect, string Reason)
{
    public bool Matches(ContractChange change) =>
        change.Contract == Contract && change.Path == Path && change.Aspect == Aspect;
}

/// <summary>A problem in a baseline file, at a line (1-based).</summary>
internal sealed record BaselineProblem(int Line, string Message);

/// <summary>
/// The released contracts a project compares against (<c>Contracts.Shipped.txt</c> beside its schemas, like
/// PublicAPI.Shipped.txt): the version they were released as, the facts they state, one per line, sorted, and the
/// findings the project chose to accept, each with its reason.
/// </summary>
/// <remarks>
/// <code>
/// # comment
/// version	1.4.0
/// ignore	v3/ActRequest.schema.json	.options	member	The member never worked; no client sends it.
/// v3/ActRequest.schema.json	.input	type	["string"]
/// </code>
/// Parts are tab-separated; a fact line has four (contract, place, aspect, value), an ignore line five.
/// </remarks>
internal sealed record ContractBaseline(ContractVersion? Version, IReadOnlyList<ContractFact> Facts, IReadOnlyList<IgnoredChange> Ignored, IReadOnlyList<BaselineProblem> Problems)
{
    /// <summary>The file name a project's baseline has, beside its schemas.</summary>
    public const string FileName = "Contracts.Shipped.txt";

    private const string Header =
        "# The released contracts: one fact per line (contract, place, aspect, value; tab-separated), sorted.\n" +
        "# Compared with the schemas at build time (STH0008 to STH0012). Rewrite it with `stagehand-contracts baseline`, or\n" +
        "# accept one change with the code fix. An ignore line (ignore, contract, place, aspect, reason) accepts one finding.\n";

    public static ContractBaseline Parse(string text)
    {
        ContractVersion? version = null;
        var facts = new List<ContractFact>();
        var ignored = new List<IgnoredChange>();
        var problems = new List<BaselineProblem>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "version" when parts.Length == 2:
                    if (ContractVersion.TryParse(parts[1], out var parsed))
                    {
                        version = parsed;
                    }
                    else
                    {
                        problems.Add(new BaselineProblem(i + 1, $"'{parts[1]}' is not a version MAJOR.MINOR.PATCH."));
                    }

                    break;
                case "ignore":
                    if (parts.Length != 5 || parts[4].Trim().Length == 0)
                    {
                        problems.Add(new BaselineProblem(i + 1, "An ignore line needs five tab-separated parts: ignore, contract, place, aspect and a reason (the reason may not be empty)."));
                    }
                    else
                    {
                        ignored.Add(new IgnoredChange(parts[1], parts[2], parts[3], parts[4].Trim()));
                    }

                    break;
                default:
                    if (parts.Length != 4 || parts[0].Length == 0 || parts[2].Length == 0 || parts[3].Length == 0)
                    {
                        problems.Add(new BaselineProblem(i + 1, "A fact line needs four tab-separated parts: contract, place, aspect and value."));
                    }
                    else if (!IsJson(parts[3]))
                    {
                        problems.Add(new BaselineProblem(i + 1, $"The value '{parts[3]}' is not JSON: a fact's value is written as JSON (\"text\", 12, true, [\"a\"])."));
                    }
                    else
                    {
                        facts.Add(new ContractFact(parts[0], parts[1], parts[2], parts[3]));
                    }

                    break;
            }
        }

        return new ContractBaseline(version, facts, ignored, problems);
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(value);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>A baseline of <paramref name="facts"/>, keeping <paramref name="ignored"/>, as the file's text.</summary>
    public static string Write(ContractVersion? version, IEnumerable<ContractFact> facts, IEnumerable<IgnoredChange> ignored)
    {
        var builder = new StringBuilder(Header);
        if (version is { } v)
        {
            builder.Append("version\t").Append(v.ToString()).Append('\n');
        }

        foreach (var entry in ignored.OrderBy(e => e.Contract, StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Aspect, StringComparer.Ordinal))
        {
            builder.Append("ignore\t").Append(entry.Contract).Append('\t').Append(entry.Path).Append('\t').Append(entry.Aspect).Append('\t').Append(entry.Reason).Append('\n');
        }

        foreach (var line in facts.Select(f => f.Line).Distinct().OrderBy(l => l, StringComparer.Ordinal))
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The changes from this baseline to <paramref name="current"/> that no ignore line accepts, and the bump they need.
    /// </summary>
    public (IReadOnlyList<ContractChange> Changes, VersionBump Required) Compare(IReadOnlyList<ContractFact> current)
    {
        var changes = ContractDiff.Compare(Facts, current).Where(c => !Ignored.Any(i => i.Matches(c))).ToList();
        return (changes, ContractDiff.RequiredBump(changes));
    }

    /// <summary>
    /// The baseline after accepting <paramref name="change"/>: the facts it is about are replaced by
    /// <paramref name="current"/>'s (for a contract, a member or another place, everything at and below it; for one
    /// aspect, that aspect), and nothing else moves.
    /// </summary>
    public string Accept(ContractChange change, IReadOnlyList<ContractFact> current)
    {
        var wholePlace = change.Aspect == FactAspects.Contract || Array.IndexOf(FactAspects.Places, change.Aspect) >= 0;
        var values = ContractPaths.Values(change.Path);
        bool Below(string path, string place) =>
            path == place || (path.Length > place.Length && path.StartsWith(place, StringComparison.Ordinal) && ".[{|&!".IndexOf(path[place.Length]) >= 0);
        bool Touched(ContractFact fact) =>
            fact.Contract == change.Contract
            && (wholePlace ? Below(fact.Path, change.Path)
                : change.Aspect == FactAspects.AdditionalProperties ? (fact.Path == change.Path && fact.Aspect == change.Aspect) || Below(fact.Path, values)
                : fact.Path == change.Path && fact.Aspect == change.Aspect);
        return Write(Version, Facts.Where(f => !Touched(f)).Concat(current.Where(Touched)), Ignored);
    }
}
