using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Contracts.Cli.Checking;

namespace Stagehand.Contracts.Cli;

/// <summary>A rule the tool reports, as SARIF lists it: the analyzers' own descriptor, with a PascalCase name.</summary>
internal sealed record Rule(string Id, string Name, string Title, string Description, string HelpUri, DiagnosticSeverity DefaultSeverity)
{
    public static Rule From(DiagnosticDescriptor descriptor)
    {
        var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = string.Concat(title.Split(' ', '-', '(', ')', ',').Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word.Substring(1)));
        return new Rule(descriptor.Id, name, title, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), descriptor.HelpLinkUri, descriptor.DefaultSeverity);
    }
}

/// <summary>The rules the tool reports: the descriptors of the analyzers and the generator, never a copy of them.</summary>
internal static class Rules
{
    /// <summary>Every rule, in id order, as SARIF lists them.</summary>
    public static ImmutableArray<Rule> All { get; } = SchemaRules.Descriptors.Select(Rule.From).ToImmutableArray();

    /// <summary>The rule with <paramref name="id"/>.</summary>
    public static Rule Find(string id) => All.First(rule => rule.Id == id);
}

/// <summary>
/// The rules <c>diff</c> reports, one per kind of contract change. No analyzer declares them yet, so the tool states them
/// here, with the help link every rule page has.
/// </summary>
internal static class EvolutionRules
{
    /// <summary>STH0008: a change that needs a major version.</summary>
    public static Rule Breaking { get; } = new(
        "STH0008",
        "BreakingContractChange",
        "Breaking contract change",
        "A change to a released contract that a client or server built against the old version can fail on: it needs a major version.",
        Stagehand.Schema.ProjectLinks.RuleHelp("STH0008"),
        DiagnosticSeverity.Error);

    /// <summary>STH0009: a change that needs a minor or a patch version.</summary>
    public static Rule Compatible { get; } = new(
        "STH0009",
        "CompatibleContractChange",
        "Compatible contract change",
        "A change to a released contract that clients and servers built against the old version still work with: a new capability (minor) or a correction (patch).",
        Stagehand.Schema.ProjectLinks.RuleHelp("STH0009"),
        DiagnosticSeverity.Info);

    /// <summary>STH0011: a change that may narrow or widen what is accepted, with no proof either way; treated as breaking.</summary>
    public static Rule Unproven { get; } = new(
        "STH0011",
        "UnprovenContractChange",
        "Unproven contract change",
        "A change to a released contract that may narrow or widen what it accepts, and that could not be proven either way (a pattern, a not, an if): it is treated as breaking.",
        Stagehand.Schema.ProjectLinks.RuleHelp("STH0011"),
        DiagnosticSeverity.Warning);

    /// <summary>The three, in id order, as SARIF lists them.</summary>
    public static ImmutableArray<Rule> All { get; } = [Breaking, Compatible, Unproven];
}
