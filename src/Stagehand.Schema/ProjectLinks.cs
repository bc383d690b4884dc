namespace Stagehand.Schema;

/// <summary>
/// Where the project and its rule pages live. <see cref="Repository"/> is written by <c>Stagehand.Schema.props</c> from
/// the <c>StagehandRepositoryUrl</c> property, the same value the packages carry as their project URL.
/// </summary>
internal static partial class ProjectLinks
{
    /// <summary>The folder of the rule pages; a rule's help link is this plus <c>&lt;id&gt;.md</c>.</summary>
    public const string RuleHelpBase = Repository + "/blob/main/docs/rules/";

    /// <summary>The help link of the rule <paramref name="id"/>.</summary>
    public static string RuleHelp(string id) => RuleHelpBase + id + ".md";
}
