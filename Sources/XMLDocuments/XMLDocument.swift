import CLibXML2
enum XMLDocumentsPlaceholder {}
