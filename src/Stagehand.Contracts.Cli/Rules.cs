namespace Stagehand.Contracts.Cli;

/// <summary>A rule the tool reports, with the metadata shown in text output and in SARIF.</summary>
/// <param name="Id">The diagnostic id, such as <c>STH0004</c>.</param>
/// <param name="Name">A PascalCase name for the rule.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">The message, with <c>{0}</c>, <c>{1}</c>, ... for its arguments.</param>
/// <param name="Description">A longer description.</param>
/// <param name="HelpUri">Where the rule is documented.</param>
internal sealed record Rule(string Id, string Name, string Title, string MessageFormat, string Description, string HelpUri)
{
    /// <summary>Formats the message of one occurrence.</summary>
    public string Format(params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}

/// <summary>The rules the tool reports. They match the diagnostics the generator reports at build time.</summary>
internal static class Rules
{
    /// <summary>STH0004: a schema file the generator cannot turn into C#.</summary>
    public static readonly Rule InvalidSchema = new(
        Id: "STH0004",
        Name: "InvalidSchema",
        Title: "Invalid schema",
        MessageFormat: "Invalid schema at '{0}': {1}",
        Description: "A schema file is malformed, uses an unsupported keyword, misses its visibility, or refers to a schema that cannot be found. Nothing is generated from it until it is fixed.",
        HelpUri: "https://github.com/stagehand-contracts/stagehand-contracts/blob/main/docs/rules/STH0004.md");

    /// <summary>Every rule, in the order SARIF lists them.</summary>
    public static readonly Rule[] All = [InvalidSchema];
}
