using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Generators;

namespace Stagehand.Contracts.Cli.Checking;

/// <summary>
/// A user's own schemas, made into contracts the way a build makes them: the generator writes the C#, the compiler
/// compiles it in memory against this tool's Stagehand.Contracts, and the result is loaded into a collectible context.
/// Validation then runs the same generated readers a project that holds the schemas would run.
/// </summary>
internal static class UserContracts
{
    /// <summary>The namespace the user's contracts are generated in; folders below the schema folder add segments.</summary>
    public const string RootNamespace = "UserContracts";

    /// <summary>Builds the contracts of every schema file below <paramref name="folder"/>.</summary>
    /// <returns>The registry, or the diagnostics that explain why there is none.</returns>
    public static (ContractRegistry? Registry, IReadOnlyList<Diagnostic> Problems) Load(string folder)
    {
        var files = SchemaFiles.Below(folder, RootNamespace);
        var compilation = CSharpCompilation.Create(
            "Stagehand.UserContracts",
            syntaxTrees: [],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], files.Texts, parseOptions, files.Options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            return (null, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("Stagehand.UserContracts", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var registryClass = assembly.GetType(RootNamespace + "." + Schema.GeneratedMemberNames.RegistryClass);
        var create = registryClass?.GetMethod("CreateDescriptors", BindingFlags.Public | BindingFlags.Static);
        var descriptors = create?.Invoke(null, null) as ContractDescriptor[] ?? [];
        return (ContractRegistry.ByUniqueNames(descriptors), []);
    }

    /// <summary>What the generated code compiles against: this runtime's own assemblies and Stagehand.Contracts.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll");
        return platform
            .Append(typeof(ContractDescriptor).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
    }

    /// <summary>A diagnostic as the tool prints it.</summary>
    public static string Format(Diagnostic diagnostic) => diagnostic.ToString() is { } text ? text : diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
