package store

// The records below carry a person's name, phone, ID number, address or words. Each is marked
// with PersonalData (oplog.Personal), so the log's masking handler writes none of them, under
// whatever key someone logs one.

func (Worker) PersonalData()       {}
func (Employer) PersonalData()     {}
func (Staff) PersonalData()        {}
func (Job) PersonalData()          {}
func (JobListing) PersonalData()   {}
func (Dispatch) PersonalData()     {}
func (Call) PersonalData()         {}
func (Visit) PersonalData()        {}
func (Presence) PersonalData()     {}
func (RightsCase) PersonalData()   {}
func (CaseNote) PersonalData()     {}
func (Export) PersonalData()       {}
func (Duplicates) PersonalData()   {}
func (TrainingWish) PersonalData() {}
