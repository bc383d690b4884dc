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
