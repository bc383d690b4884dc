namespace Stagehand.Generators;

/// <summary>The names of the generator's pipeline steps, so tests can see what was cached.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string ParsedSchemas = nameof(ParsedSchemas);
    public const string AllSchemas = nameof(AllSchemas);
    public const string BuildResults = nameof(BuildResults);
    public const string ContractFiles = nameof(ContractFiles);
    public const string EmittedSources = nameof(EmittedSources);
    public const string SchemaProblems = nameof(SchemaProblems);
    public const string RootNamespace = nameof(RootNamespace);
    public const string Registry = nameof(Registry);
}
