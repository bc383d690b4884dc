using System.IO;

namespace Stagehand.Package.Tests;

/// <summary>A new project folder that takes Stagehand.Contracts from the packed folder feed, as a user's would.</summary>
internal static class FreshConsumer
{
    /// <summary>
    /// Creates <paramref name="name"/> below the work folder with a <c>nuget.config</c> naming the feed and a project
    /// file that references the packed Stagehand.Contracts; <paramref name="properties"/> go into its property group.
    /// </summary>
    /// <returns>The project's folder.</returns>
    public static string Create(PackedPackages packed, string name, string properties)
    {
        var folder = Directory.CreateDirectory(Path.Combine(packed.Work, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="stagehand-local" value="{packed.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Stagehand.Contracts" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }
}
