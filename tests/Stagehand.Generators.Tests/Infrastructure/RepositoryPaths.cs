using System;
using System.IO;

namespace Stagehand.Generators.Tests.Infrastructure;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root => TestRepository.Root;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string ContractsSource => Path.Combine(Root, "src", "Stagehand.Contracts");

    public static string TestProject => Path.Combine(Root, "tests", "Stagehand.Generators.Tests");

    /// <summary>The source files Stagehand.Contracts links in from Stagehand.Schema (see its project file).</summary>
    public static string[] LinkedIntoRuntime => [Path.Combine(Root, "src", "Stagehand.Schema", "EditDistance.cs")];
}
