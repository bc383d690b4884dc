using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>What every rule's descriptor shares.</summary>
internal static class Rules
{
    /// <summary>Where the rule pages live; a descriptor's help link is this plus <c>&lt;id&gt;.md</c>.</summary>
    public const string HelpLinkBase = ProjectLinks.RuleHelpBase;
}
