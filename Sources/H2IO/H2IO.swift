import H2Model
