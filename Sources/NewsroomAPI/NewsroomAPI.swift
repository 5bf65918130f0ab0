// Placeholder: replaced as the NewsroomAPI module is built.
