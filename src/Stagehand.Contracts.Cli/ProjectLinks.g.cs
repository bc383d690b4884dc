// Written by Stagehand.Schema.props from https://github.com/stagehand-contracts/stagehand-contracts in Directory.Build.props.
namespace Stagehand.Schema;
internal static partial class ProjectLinks
{
public const string Repository = "https://github.com/stagehand-contracts/stagehand-contracts";
}
