namespace Stagehand.Contracts.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked out.</summary>
    public const int Success = 0;

    /// <summary>A schema or a document has errors.</summary>
    public const int Invalid = 1;

    /// <summary>The command line was wrong, or an input could not be read.</summary>
    public const int Usage = 2;
}
