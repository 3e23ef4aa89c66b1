import MessageModel
enum InspectionPlaceholder {}
