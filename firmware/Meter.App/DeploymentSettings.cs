namespace Meter.App
{
    /// <summary>
    /// What nf.config chose for this build. Written by the deploy helper
    /// (<c>dotnet run --project tools/Deploy -- deploy</c>) from nf.config before it builds the
    /// application; the committed file matches the committed nf.config.
    /// </summary>
    internal static class DeploymentSettings
    {
        /// <summary>Board definition (boards/Meter.Boards BoardCatalog).</summary>
        public const string Board = "reference";

        /// <summary>Meter configuration preset (boards/Meter.Boards MeterPresets).</summary>
        public const string Preset = "direct-5-105a";
    }
}
