using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Contracts.Cli.Commands;
using Stagehand.Schema.Evolution;

namespace Stagehand.Contracts.Cli.Evolution;

/// <summary>One change, ready to print: its rule and severity, and where it is (as shown to the user).</summary>
/// <param name="Change">The classified change.</param>
/// <param name="Rule">STH0008 (breaking), STH0011 (unproven) or STH0009 (compatible).</param>
/// <param name="Severity">Error, warning or info, from the rule.</param>
/// <param name="DisplayPath">The schema file: in HEAD for what was added or changed, in BASE for what was removed.</param>
/// <param name="Line">One-based line; null when the side has no schema text (a baseline).</param>
/// <param name="Column">One-based column; null with <paramref name="Line"/>.</param>
internal sealed record ReportedChange(ContractChange Change, Rule Rule, DiagnosticSeverity Severity, string DisplayPath, int? Line, int? Column, int? EndLine, int? EndColumn)
{
    /// <summary>The message, with the example document that shows the break when there is one.</summary>
    public string Message => Change.Witness is { } witness ? Change.Message + " Example: " + witness : Change.Message;

    /// <summary>The MSBuild-format line: <c>path(line,col): error STH0008: message</c>, without <c>(line,col)</c> when unknown.</summary>
    public string ToMSBuildLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{DisplayPath}{(Line is { } line ? $"({line},{Column})" : string.Empty)}: {SeverityWord(Severity)} {Rule.Id}: {Message}");

    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>The changes between two sets of contracts, as <c>diff</c> prints them: MSBuild lines, SARIF or a Markdown changelog.</summary>
internal sealed class ChangeReport
{
    /// <summary>A report of changes already placed (<see cref="Create"/> compares two sets and places them).</summary>
    internal ChangeReport(IReadOnlyList<ReportedChange> changes, VersionBump required, ContractVersion? baseVersion, int ignored)
    {
        Changes = changes;
        Required = required;
        BaseVersion = baseVersion;
        Ignored = ignored;
    }

    public IReadOnlyList<ReportedChange> Changes { get; }

    /// <summary>The bump the changes need.</summary>
    public VersionBump Required { get; }

    /// <summary>The version BASE was released as, when BASE is a baseline that states one.</summary>
    public ContractVersion? BaseVersion { get; }

    /// <summary>How many changes an ignore line of the baseline accepted (they are not in <see cref="Changes"/>).</summary>
    public int Ignored { get; }

    /// <summary>Whether something breaks: a breaking change, or an unproven one (treated as breaking).</summary>
    public bool Breaks => Changes.Any(c => c.Change.IsBreaking || c.Change.IsUnproven);

    public int BreakingCount => Changes.Count(c => IsBreaking(c.Change));

    public int UnprovenCount => Changes.Count(c => c.Change.IsUnproven);

    public int MinorCount => Changes.Count(c => IsMinor(c.Change));

    public int PatchCount => Changes.Count(c => IsPatch(c.Change));

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>; a baseline's ignore lines apply.</summary>
    public static ChangeReport Create(ContractSet before, ContractSet after)
    {
        IReadOnlyList<ContractChange> changes;
        var ignored = 0;
        if (before.Baseline is { } baseline)
        {
            (changes, _) = baseline.Compare(after.Facts);
            ignored = ContractDiff.Compare(before.Facts, after.Facts).Count - changes.Count;
        }
        else
        {
            changes = ContractDiff.Compare(before.Facts, after.Facts);
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        var reported = changes.Select(change => Report(change, before, after, workingDirectory)).ToList();
        return new ChangeReport(reported, ContractDiff.RequiredBump(changes), before.Baseline?.Version, ignored);
    }

    /// <summary>
    /// <c>3 changes: 1 breaking, 0 unproven, 2 minor, 0 patch; requires a major bump</c>, or <c>no changes</c>; with the
    /// next version when BASE states one.
    /// </summary>
    public string Summary()
    {
        var summary = Changes.Count == 0
            ? "no changes"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{Changes.Count} change{(Changes.Count == 1 ? string.Empty : "s")}: {BreakingCount} breaking, {UnprovenCount} unproven, {MinorCount} minor, {PatchCount} patch; requires a {BumpName(Required)} bump");
        if (BaseVersion is { } version)
        {
            summary += Changes.Count == 0 ? $"; the version stays {version}" : $"; next version {version.After(Required)} (after {version})";
        }

        if (Ignored > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; {Ignored} more accepted by the baseline's ignore lines");
        }

        return summary;
    }

    /// <summary>One MSBuild-format line per change, then the summary.</summary>
    public void WriteMSBuild(TextWriter output)
    {
        foreach (var change in Changes)
        {
            output.WriteLine(change.ToMSBuildLine());
        }

        output.WriteLine(Summary());
    }

    /// <summary>A SARIF 2.1.0 log with one result per change; the change's details (and its example) are the result's properties.</summary>
    public void WriteSarif(TextWriter output) =>
        SarifWriter.Write(
            EvolutionRules.All,
            Changes.Select(c => new SarifResult(c.Rule, c.Severity, c.Message, c.DisplayPath, c.Line, c.Column, c.EndLine, c.EndColumn, Properties(c.Change))).ToList(),
            output);

    /// <summary>
    /// A changelog a reviewer can paste: a title with the bump, then the sections Breaking, Unproven, Compatible (minor)
    /// and Patch, each a table of contract, place, direction and what changed, in the order of the comparison; then the summary.
    /// </summary>
    public void WriteMarkdown(TextWriter output)
    {
        output.WriteLine($"## Contract changes: {(Changes.Count == 0 ? "none" : BumpName(Required))}");
        var ambiguous = Changes.GroupBy(c => c.Change.ContractName, StringComparer.Ordinal)
            .Where(group => group.Select(c => c.Change.Contract).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(group => group.Key)
            .ToHashSet(StringComparer.Ordinal);
        Section("Breaking", c => IsBreaking(c));
        Section("Unproven", c => c.IsUnproven);
        Section("Compatible (minor)", IsMinor);
        Section("Patch", IsPatch);
        output.WriteLine();
        output.WriteLine(Summary());

        void Section(string title, Func<ContractChange, bool> belongs)
        {
            var changes = Changes.Select(c => c.Change).Where(belongs).ToList();
            output.WriteLine();
            output.WriteLine("### " + title);
            output.WriteLine();
            if (changes.Count == 0)
            {
                output.WriteLine("None.");
                return;
            }

            output.WriteLine("| contract | place | direction | what changed |");
            output.WriteLine("| --- | --- | --- | --- |");
            foreach (var change in changes)
            {
                var contract = ambiguous.Contains(change.ContractName) ? $"{change.ContractName} (`{change.Contract}`)" : change.ContractName;
                var place = change.Path.Length == 0 ? "(root)" : "`" + change.Path + "`";
                var prefix = change.Place + ": ";
                var message = change.Message.StartsWith(prefix, StringComparison.Ordinal) ? change.Message.Substring(prefix.Length) : change.Message;
                if (message.Length > 0)
                {
                    message = char.ToUpperInvariant(message[0]) + message.Substring(1);
                }

                if (change.Witness is { } witness)
                {
                    message += " Example: `" + witness + "`";
                }

                output.WriteLine($"| {Cell(contract)} | {Cell(place)} | {ContractDirections.Name(change.Direction)} | {Cell(message)} |");
            }
        }
    }

    public static string BumpName(VersionBump bump) => bump switch
    {
        VersionBump.Major => "major",
        VersionBump.Minor => "minor",
        VersionBump.Patch => "patch",
        _ => "no",
    };

    private static bool IsBreaking(ContractChange change) => change.IsBreaking && !change.IsUnproven;

    private static bool IsMinor(ContractChange change) => !change.IsBreaking && !change.IsUnproven && change.Bump == VersionBump.Minor;

    private static bool IsPatch(ContractChange change) => !change.IsBreaking && !change.IsUnproven && change.Bump < VersionBump.Minor;

    /// <summary>Text for a table cell: a pipe would end the cell, a line end the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static ReportedChange Report(ContractChange change, ContractSet before, ContractSet after, string workingDirectory)
    {
        var rule = change.IsUnproven ? EvolutionRules.Unproven : change.IsBreaking ? EvolutionRules.Breaking : EvolutionRules.Compatible;
        if (change.Location is { } location)
        {
            return new ReportedChange(
                change,
                rule,
                rule.DefaultSeverity,
                CheckCommand.DisplayPath(location.FilePath, workingDirectory),
                location.StartLine + 1,
                location.StartCharacter + 1,
                location.EndLine + 1,
                location.EndCharacter + 1);
        }

        // No schema token to point at (a baseline has none): the contract's file, in the side the change was read from.
        var side = change.After is null ? before : after;
        return new ReportedChange(change, rule, rule.DefaultSeverity, CheckCommand.DisplayPath(side.FileOf(change.Contract), workingDirectory), null, null, null, null);
    }

    private static List<(string Name, string Value, bool IsJson)> Properties(ContractChange change)
    {
        var properties = new List<(string Name, string Value, bool IsJson)>
        {
            ("contract", change.Contract, false),
            ("contractName", change.ContractName, false),
            ("place", change.Path, false),
            ("aspect", change.Aspect, false),
            ("kind", change.Kind, false),
            ("direction", ContractDirections.Name(change.Direction), false),
            ("bump", BumpName(change.Bump), false),
        };
        if (change.Before is not null)
        {
            properties.Add(("before", change.Before, IsJson(change.Before)));
        }

        if (change.After is not null)
        {
            properties.Add(("after", change.After, IsJson(change.After)));
        }

        if (change.Witness is { } witness)
        {
            properties.Add(("witness", witness, IsJson(witness)));
        }

        return properties;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
