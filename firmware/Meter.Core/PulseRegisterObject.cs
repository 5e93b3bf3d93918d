using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The pulse-input register 0-1:24.2.1 (COSEM Register): its unit and scaler follow the unit code set at run
    /// time (<see cref="PulseInputUnit"/>), so the object reads them from <see cref="ModuleInputs"/> at each read.
    /// </summary>
    public sealed class PulseRegisterObject : RegisterObject
    {
        private readonly ModuleInputs _inputs;

        /// <summary>The register of <paramref name="inputs"/>, 3 decimals.</summary>
        public PulseRegisterObject(ModuleInputs inputs)
            : base(ModuleInputObjects.PulseRegister, ObisUnit.Count, -3, inputs)
        {
            _inputs = inputs;
            Decimals = 3;
            IntegerDigits = 6;
        }

        /// <inheritdoc />
        public override ObisUnit Unit { get { return PulseInputUnit.UnitOf(_inputs.PulseUnit); } }

        /// <inheritdoc />
        public override int Scaler { get { return PulseInputUnit.ScalerOf(_inputs.PulseUnit); } }

        /// <summary>kWh is held in Wh and shown in kilo; the other units as they are (setting it changes nothing).</summary>
        public override bool Kilo
        {
            get { return _inputs.PulseUnit == PulseInputUnit.KilowattHour; }
            set { }
        }
    }
}
